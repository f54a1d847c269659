import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeDelta,
  entryPointLabel,
  formatDayRange,
  formatDuration,
  funnelSteps,
  problemReason,
  sortRows,
  sumFunnel,
} from "@/lib/analytics/display";

const WORDS = {
  sources: { widget: "Website widget", qr: "Shop QR code", unattributed: "Unattributed" },
  qrCode: "Shop card — {name}",
  archived: "{name} (archived)",
  qrCodeDeleted: "QR code (deleted)",
};

describe("report display helpers", () => {
  it("describes a change with a sign and a direction, not only a colour", () => {
    expect(describeDelta(150, 100)).toEqual({
      delta: 50,
      percent: 50,
      direction: "up",
      sign: "+",
    });
    expect(describeDelta(75, 100)).toEqual({
      delta: -25,
      percent: -25,
      direction: "down",
      sign: "−",
    });
    expect(describeDelta(0, 0)).toEqual({ delta: 0, percent: null, direction: "same", sign: "±" });
    // No percentage from nothing.
    expect(describeDelta(12, 0).percent).toBeNull();
    expect(describeDelta(12, 0).direction).toBe("up");
  });

  it("gives each funnel step its rate from the step before, none from 0", () => {
    const steps = funnelSteps({ clicks: 412, chats: 96, orders: 31, paidOrders: 0 });
    expect(steps.map((step) => step.count)).toEqual([412, 96, 31, 0]);
    expect(steps[0]!.rateFromPrevious).toBeNull();
    expect(steps[1]!.rateFromPrevious).toBeCloseTo(96 / 412);
    expect(steps[3]!.rateFromPrevious).toBe(0);
    expect(
      funnelSteps({ clicks: 0, chats: 3, orders: 0, paidOrders: 0 }).map((s) => s.rateFromPrevious),
    ).toEqual([null, null, 0, null]);
  });

  it("adds funnel counts of the rows", () => {
    expect(
      sumFunnel([
        { clicks: 1, chats: 2, orders: 3, paidOrders: 4 },
        { clicks: 10, chats: 20, orders: 30, paidOrders: 40 },
      ]),
    ).toEqual({ clicks: 11, chats: 22, orders: 33, paidOrders: 44 });
  });

  it("sorts numbers and text either way, empty values last, ties in their order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.nat(), value: fc.option(fc.integer(), { nil: null }) })),
        fc.constantFrom("asc" as const, "desc" as const),
        (rows, direction) => {
          const sorted = sortRows(rows, (row) => row.value, direction);
          expect(sorted).toHaveLength(rows.length);
          const filled = sorted.filter((row) => row.value !== null);
          // Empty values come after every filled one.
          expect(sorted.slice(0, filled.length)).toEqual(filled);
          for (let i = 1; i < filled.length; i += 1) {
            const [a, b] = [filled[i - 1]!, filled[i]!];
            if (direction === "asc") expect(a.value!).toBeLessThanOrEqual(b.value!);
            else expect(a.value!).toBeGreaterThanOrEqual(b.value!);
            // Stable: equal values keep their original order.
            if (a.value === b.value) expect(rows.indexOf(a)).toBeLessThan(rows.indexOf(b));
          }
        },
      ),
    );
    const names = [{ name: "Shop card 10" }, { name: "shop card 9" }, { name: "Apple" }];
    expect(sortRows(names, (row) => row.name, "asc").map((row) => row.name)).toEqual([
      "Apple",
      "shop card 9",
      "Shop card 10",
    ]);
  });

  it("names entry points in words, a row per QR code, deleted codes and unknown keys too", () => {
    expect(entryPointLabel({ source: "widget" }, WORDS)).toBe("Website widget");
    expect(entryPointLabel({ source: "qr", qrCode: { name: "Gion store" } }, WORDS)).toBe(
      "Shop card — Gion store",
    );
    expect(
      entryPointLabel({ source: "qr", qrCode: { name: "Old card", archived: true } }, WORDS),
    ).toBe("Shop card — Old card (archived)");
    expect(entryPointLabel({ source: "qr", qrCode: null }, WORDS)).toBe("QR code (deleted)");
    // An unknown key reads as itself, never as an inherited property.
    expect(entryPointLabel({ source: "toString" }, WORDS)).toBe("toString");
  });

  it("writes a day range in the reader's language, the same days in every time zone", () => {
    // Intl puts thin spaces around the dash.
    expect(formatDayRange({ from: "2026-03-01", to: "2026-03-30" }, "en")).toMatch(
      /^Mar 1\s–\s30, 2026$/,
    );
    expect(formatDayRange({ from: "2026-03-01", to: "2026-03-01" }, "en")).toBe("Mar 1, 2026");
    expect(formatDayRange({ from: "2025-12-30", to: "2026-01-02" }, "ja")).toMatch(
      /^2025\/12\/30.+2026\/01\/02$/,
    );
  });

  it("tells a median wait in a readable unit, in the reader's number format", () => {
    const words = { seconds: "{n} s", minutes: "{n} min", hours: "{n} h", days: "{n} days" };
    const number = (value: number) => new Intl.NumberFormat("en").format(value);
    expect(formatDuration(0, words, number)).toBe("0 s");
    expect(formatDuration(44_600, words, number)).toBe("45 s");
    expect(formatDuration(60_000, words, number)).toBe("1 min");
    expect(formatDuration(210_000, words, number)).toBe("3.5 min");
    expect(formatDuration(2 * 3_600_000, words, number)).toBe("2 h");
    expect(formatDuration(3 * 86_400_000, words, number)).toBe("3 days");
  });

  it("says why messages failed or were held back: the stored reason, else the code", () => {
    const words = {
      failed: "Not delivered: {reason}",
      blocked: "Not sent: {reason}",
      withCode: "WhatsApp refused it (error {code}).",
      withoutCode: "WhatsApp refused it.",
      blockedNoReason: "the sending rules did not allow it.",
    };
    const problem = (
      status: "failed" | "blocked",
      errorCode: number | null,
      errorReason: string | null,
    ) => problemReason({ status, errorCode, errorReason }, words);
    expect(problem("failed", 131047, "Re-engagement message")).toBe(
      "Not delivered: Re-engagement message",
    );
    expect(problem("failed", 131026, "  ")).toBe(
      "Not delivered: WhatsApp refused it (error 131026).",
    );
    expect(problem("failed", null, null)).toBe("Not delivered: WhatsApp refused it.");
    expect(problem("blocked", null, "The customer opted out (STOP).")).toBe(
      "Not sent: The customer opted out (STOP).",
    );
    expect(problem("blocked", null, null)).toBe("Not sent: the sending rules did not allow it.");
  });
});
