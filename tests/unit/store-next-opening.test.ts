import { describe, expect, it } from "vitest";
import { businessHoursSchema, nextOpeningAt } from "@/lib/stores/settings";

const hours = businessHoursSchema.parse({
  enabled: true,
  days: {
    mon: [{ open: "10:00", close: "18:00" }],
    tue: [{ open: "10:00", close: "18:00" }],
    sat: [{ open: "09:30", close: "12:00" }],
  },
});

describe("nextOpeningAt", () => {
  it("finds the exact next opening minute in the store's time zone", () => {
    // Monday 20:00 in Tokyo → Tuesday 10:00 Tokyo = 01:00 UTC
    expect(nextOpeningAt(hours, "Asia/Tokyo", new Date("2026-11-30T11:00:00Z"))).toEqual(
      new Date("2026-12-01T01:00:00Z"),
    );
    // Tuesday 19:00 Tokyo → Saturday 09:30 Tokyo
    expect(nextOpeningAt(hours, "Asia/Tokyo", new Date("2026-12-01T10:00:00Z"))).toEqual(
      new Date("2026-12-05T00:30:00Z"),
    );
  });

  it("is now when open, and null when the store never opens", () => {
    const openNow = new Date("2026-11-30T03:00:00Z"); // Monday 12:00 Tokyo
    expect(nextOpeningAt(hours, "Asia/Tokyo", openNow)).toEqual(openNow);
    const never = businessHoursSchema.parse({ enabled: true, days: {} });
    expect(nextOpeningAt(never, "Asia/Tokyo", openNow)).toBeNull();
  });
});
