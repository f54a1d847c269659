import { describe, expect, it } from "vitest";
import { isPointsRequest } from "@/lib/bot/intents/loyalty";
import { formatMonthDay, formatPointsDelta } from "@/lib/bot/format";
import { pointsChoiceId, readPointsChoice } from "@/lib/bot/points-offer";
import { isValidBirthday, parseBirthday } from "@/lib/loyalty/birthday-date";

describe("parseBirthday", () => {
  it.each([
    ["12/24", 12, 24],
    ["24/12", 12, 24],
    ["12-24", 12, 24],
    ["3/4", 3, 4],
    ["24 Dec", 12, 24],
    ["24 December", 12, 24],
    ["24th of December", 12, 24],
    ["Dec 24", 12, 24],
    ["December 24th", 12, 24],
    ["Sept 3", 9, 3],
    ["1 mar.", 3, 1],
    ["12月24日", 12, 24],
    ["12月24号", 12, 24],
    ["１２月２４日", 12, 24],
    ["1990年12月24日", 12, 24],
    ["12월 24일", 12, 24],
    ["1990-12-24", 12, 24],
    ["12/24/1990", 12, 24],
    [" 2/29 ", 2, 29],
  ])("reads %s as %i/%i", (text, month, day) => {
    expect(parseBirthday(text)).toEqual({ ok: true, birthday: { month, day } });
  });

  it.each(["2/30", "4/31", "30 Feb", "2月30日", "13/13", "0/5"])("refuses %s", (text) => {
    expect(parseBirthday(text)).toEqual({ ok: false, reason: "no_such_day" });
  });

  it.each(["hello", "", "12", "menu", "24 Decembre", "Ma 3", "12/24/90", "next week"])(
    "finds no date in %j",
    (text) => {
      expect(parseBirthday(text)).toEqual({ ok: false, reason: "not_a_date" });
    },
  );

  it("knows every month's length, leap day included", () => {
    expect(isValidBirthday(2, 29)).toBe(true);
    expect(isValidBirthday(2, 30)).toBe(false);
    expect(isValidBirthday(6, 31)).toBe(false);
    expect(isValidBirthday(7, 31)).toBe(true);
    expect(isValidBirthday(1.5, 3)).toBe(false);
  });
});

describe("points words", () => {
  it.each([
    "points",
    "My points?",
    "how many ポイント",
    "我的积分",
    "포인트 확인",
    "JOIN",
    "join!",
  ])("%j asks about points", (text) => expect(isPointsRequest(text)).toBe(true));
  it.each(["can I join the tasting", "what's the point", "appointment", "menu"])(
    "%j does not",
    (text) => expect(isPointsRequest(text)).toBe(false),
  );
});

describe("the points offer's buttons", () => {
  const orderId = "0b9c8a1e-7f6d-4c3b-9a2e-1d0c9b8a7f6e";

  it("round-trips the order and the points shown", () => {
    const id = pointsChoiceId({ orderId, points: 480 });
    expect(id).toBe(`loyalty:use:${orderId}:480`);
    expect(readPointsChoice(id)).toEqual({ use: true, orderId, shownPoints: 480 });
    expect(readPointsChoice(`loyalty:use:${orderId}`)).toEqual({
      use: true,
      orderId,
      shownPoints: null,
    });
    expect(readPointsChoice(`loyalty:full:${orderId}`)).toEqual({
      use: false,
      orderId,
      shownPoints: null,
    });
  });

  it("ignores other ids and nonsense points", () => {
    expect(readPointsChoice("menu")).toBeNull();
    expect(readPointsChoice("loyalty:use:")).toBeNull();
    expect(readPointsChoice(`loyalty:use:${orderId}:-3`)?.shownPoints).toBeNull();
    expect(readPointsChoice(`loyalty:use:${orderId}:1e3`)?.shownPoints).toBeNull();
    expect(readPointsChoice(`loyalty:use:${orderId}:0`)?.shownPoints).toBeNull();
  });
});

describe("points formatting", () => {
  it("signs deltas with a true minus and formats birthdays without a year", () => {
    expect(formatPointsDelta(1240, "en")).toBe("+1,240");
    expect(formatPointsDelta(-480, "ja")).toBe("−480");
    expect(formatMonthDay(12, 24, "en")).toBe("December 24");
    expect(formatMonthDay(12, 24, "ja")).toBe("12月24日");
    expect(formatMonthDay(2, 29, "ko")).toBe("2월 29일");
    expect(formatMonthDay(12, 24, "zh-Hans")).toBe("12月24日");
  });
});
