import { describe, expect, it } from "vitest";
import { z } from "zod";
import { businessHoursFormSchema, businessHoursFormValues } from "@/lib/stores/business-hours-form";
import { readStoreSettings } from "@/lib/stores/settings";

const valid = {
  hoursEnabled: "on",
  hours_mon: "9:00-12:30, 13:30 – 18:00",
  hours_tue: "1000~1600",
  hours_sun: "",
};

function errorsOf(values: Record<string, string>) {
  const parsed = businessHoursFormSchema.safeParse(values);
  if (parsed.success) throw new Error("expected the form to be rejected");
  return z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("Settings → Business hours form", () => {
  it("turns the form into business hours", () => {
    const { businessHours } = businessHoursFormSchema.parse(valid);
    expect(businessHours.enabled).toBe(true);
    expect(businessHours.days.mon).toEqual([
      { open: "09:00", close: "12:30" },
      { open: "13:30", close: "18:00" },
    ]);
    expect(businessHours.days.tue).toEqual([{ open: "10:00", close: "16:00" }]);
    expect(businessHours.days.sun).toEqual([]);
    expect(businessHours.days.sat).toEqual([]);
  });

  it("reads hours as off when the box is unticked", () => {
    const { hoursEnabled: _, ...rest } = valid;
    expect(businessHoursFormSchema.parse(rest).businessHours.enabled).toBe(false);
  });

  it("puts each problem next to its day", () => {
    const errors = errorsOf({
      ...valid,
      hours_mon: "nine to five",
      hours_tue: "18:00-09:00",
      hours_wed: "25:00-26:00",
      hours_thu: "08:00-09:00, 10:00-11:00, 12:00-13:00, 14:00-15:00",
    });
    expect(Object.keys(errors).sort()).toEqual([
      "hours_mon",
      "hours_thu",
      "hours_tue",
      "hours_wed",
    ]);
    expect(errors.hours_mon?.[0]).toMatch(/09:00–18:00/);
    expect(errors.hours_tue?.[0]).toMatch(/after opening/);
    expect(errors.hours_thu?.[0]).toMatch(/At most 3/);
  });

  it("refuses business hours with every day closed, with a message at the switch", () => {
    const closed = {
      hoursEnabled: "on",
      hours_mon: "",
      hours_tue: " ",
      hours_wed: "",
      hours_thu: "",
      hours_fri: "",
      hours_sat: "",
      hours_sun: "",
    };
    expect(errorsOf(closed).hoursEnabled).toEqual([
      "Every day is closed: add opening hours for at least one day, or turn business hours off.",
    ]);
    const { hoursEnabled: _, ...off } = closed;
    expect(businessHoursFormSchema.parse(off).businessHours.enabled).toBe(false);
  });

  it("round-trips stored hours through the form's initial values", () => {
    const { businessHours } = readStoreSettings({
      businessHours: {
        enabled: true,
        days: {
          fri: [
            { open: "10:00", close: "13:00" },
            { open: "14:00", close: "19:00" },
          ],
        },
      },
    });
    const values = businessHoursFormValues(businessHours);
    expect(values.hours_fri).toBe("10:00–13:00, 14:00–19:00");
    expect(values.hours_mon).toBe("");
    expect(businessHoursFormSchema.parse(values)).toEqual({ businessHours });
  });
});
