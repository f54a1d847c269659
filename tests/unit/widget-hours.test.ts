import { describe, expect, it } from "vitest";
import { type BusinessHours, isOpenAt, readStoreSettings } from "@/lib/stores/settings";
import { encodeBusinessHours } from "@/lib/widget/hours";
import { isOpenNow } from "@/widget/hours";

function hours(days: Partial<BusinessHours["days"]>, enabled = true): BusinessHours {
  return readStoreSettings({ businessHours: { enabled, days } }).businessHours;
}

const schedule = hours({
  mon: [
    { open: "00:00", close: "01:00" },
    { open: "09:00", close: "18:00" },
  ],
  tue: [
    { open: "10:00", close: "13:00" },
    { open: "14:00", close: "18:30" },
  ],
  fri: [{ open: "09:30", close: "23:59" }],
  sat: [{ open: "10:00", close: "14:00" }],
});

/** Both checks, the server's and the browser's, on one instant. */
function both(h: BusinessHours, timezone: string, iso: string) {
  const at = new Date(iso);
  const server = isOpenAt(h, timezone, at);
  const browser = isOpenNow(h.enabled ? encodeBusinessHours(h) : undefined, timezone, at);
  return { server, browser };
}

describe("data-hours encoding", () => {
  it("writes each period with its weekday on both ends, Monday first", () => {
    expect(encodeBusinessHours(schedule)).toBe(
      "Mon0000-Mon0100 Mon0900-Mon1800 Tue1000-Tue1300 Tue1400-Tue1830 Fri0930-Fri2359 Sat1000-Sat1400",
    );
    expect(encodeBusinessHours(hours({}))).toBe("");
  });
});

describe("widget business hours match lib/stores/settings isOpenAt", () => {
  it.each([
    // Sunday 23:59 → Monday 00:00 in Tokyo (UTC+9): the day boundary.
    ["2026-11-22T14:59:00Z", false],
    ["2026-11-22T15:00:00Z", true],
    ["2026-11-22T15:59:00Z", true],
    ["2026-11-22T16:00:00Z", false],
    // Monday 08:59 / 09:00 / 17:59 / 18:00 in Tokyo.
    ["2026-11-22T23:59:00Z", false],
    ["2026-11-23T00:00:00Z", true],
    ["2026-11-23T08:59:00Z", true],
    ["2026-11-23T09:00:00Z", false],
    // Tuesday's lunch break, 13:00–14:00 in Tokyo.
    ["2026-11-24T03:59:00Z", true],
    ["2026-11-24T04:00:00Z", false],
    ["2026-11-24T05:00:00Z", true],
    // Friday 23:58 open, Saturday 00:00 closed (Friday's period ends at 23:59).
    ["2026-11-27T14:58:00Z", true],
    ["2026-11-27T15:00:00Z", false],
    // Sunday: closed all day.
    ["2026-11-29T03:00:00Z", false],
  ])("Asia/Tokyo at %s → open %s", (iso, open) => {
    expect(both(schedule, "Asia/Tokyo", iso)).toEqual({ server: open, browser: open });
  });

  it("agrees every 15 minutes of a week in several time zones, across a DST change", () => {
    const zones = [
      "Asia/Tokyo",
      "America/New_York",
      "Europe/London",
      "Asia/Kolkata",
      "Pacific/Auckland",
    ];
    // The week of 2026-10-30 … 2026-11-06 holds the end of DST in New York (Nov 1) and London is already back.
    const start = Date.parse("2026-10-30T00:00:00Z");
    let compared = 0;
    for (const zone of zones) {
      for (let minutes = 0; minutes < 8 * 24 * 60; minutes += 15) {
        const at = new Date(start + minutes * 60_000).toISOString();
        const { server, browser } = both(schedule, zone, at);
        expect(browser, `${zone} ${at}`).toBe(server);
        compared += 1;
      }
    }
    expect(compared).toBe(5 * 8 * 96);
  });

  it("is open all the time when hours are off, and closed all week for an empty schedule", () => {
    expect(both(hours({}, false), "Asia/Tokyo", "2026-11-29T03:00:00Z")).toEqual({
      server: true,
      browser: true,
    });
    expect(both(hours({}), "Asia/Tokyo", "2026-11-23T03:00:00Z")).toEqual({
      server: false,
      browser: false,
    });
  });

  it("shows the widget when the browser does not know the time zone", () => {
    expect(isOpenNow("Mon0900-Mon1800", "Mars/Olympus_Mons", new Date())).toBe(true);
  });
});
