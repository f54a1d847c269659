import { describe, expect, it } from "vitest";
import { isOpenAt, readStoreSettings, storeSettingsSchema } from "@/lib/stores/settings";

const weekdayHours = readStoreSettings({
  businessHours: {
    enabled: true,
    days: { mon: [{ open: "09:00", close: "18:00" }], sat: [{ open: "10:00", close: "14:00" }] },
  },
}).businessHours;

describe("store settings", () => {
  it("fills defaults for a store that has none", () => {
    const settings = readStoreSettings({});
    expect(settings.widget).toMatchObject({
      position: "right",
      colour: "#25D366",
      whenClosed: "note",
    });
    expect(settings.businessHours.enabled).toBe(false);
    expect(settings.businessHours.days.sun).toEqual([]);
  });

  it("falls back to defaults per section when stored JSON no longer validates", () => {
    const settings = readStoreSettings({
      widget: { colour: "green" },
      businessHours: weekdayHours,
    });
    expect(settings.widget.colour).toBe("#25D366");
    expect(settings.businessHours.enabled).toBe(true);
  });

  it("rejects a closing time before the opening time", () => {
    const result = storeSettingsSchema.safeParse({
      businessHours: { enabled: true, days: { mon: [{ open: "18:00", close: "09:00" }] } },
    });
    expect(result.success).toBe(false);
  });

  it("evaluates opening hours in the store's time zone", () => {
    // Monday 2026-11-23 08:59 and 09:00 in Tokyo (UTC+9).
    expect(isOpenAt(weekdayHours, "Asia/Tokyo", new Date("2026-11-22T23:59:00Z"))).toBe(false);
    expect(isOpenAt(weekdayHours, "Asia/Tokyo", new Date("2026-11-23T00:00:00Z"))).toBe(true);
    expect(isOpenAt(weekdayHours, "Asia/Tokyo", new Date("2026-11-23T08:59:00Z"))).toBe(true);
    expect(isOpenAt(weekdayHours, "Asia/Tokyo", new Date("2026-11-23T09:00:00Z"))).toBe(false);
    // Same instant, other zone: Sunday evening in New York → closed.
    expect(isOpenAt(weekdayHours, "America/New_York", new Date("2026-11-23T00:00:00Z"))).toBe(
      false,
    );
  });

  it("is always open when hours are not enabled", () => {
    expect(isOpenAt(readStoreSettings({}).businessHours, "Asia/Tokyo", new Date())).toBe(true);
  });
});
