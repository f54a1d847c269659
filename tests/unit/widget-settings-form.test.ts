import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readStoreSettings } from "@/lib/stores/settings";
import { widgetSettingsFormSchema, widgetSettingsFormValues } from "@/lib/widget/settings-form";

const valid = {
  position: "left",
  colour: "#128c7e",
  label: "Ask us",
  greeting: "Hi there",
  whenClosed: "hide",
  offlineNote: "Closed",
  hoursEnabled: "on",
  hours_mon: "9:00-12:30, 13:30 – 18:00",
  hours_tue: "1000~1600",
  hours_sun: "",
};

function errorsOf(values: Record<string, string>) {
  const parsed = widgetSettingsFormSchema.safeParse(values);
  if (parsed.success) throw new Error("expected the form to be rejected");
  return z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("widget settings form", () => {
  it("turns the form into widget settings and business hours", () => {
    const settings = widgetSettingsFormSchema.parse(valid);
    expect(settings.widget).toEqual({
      position: "left",
      colour: "#128C7E",
      label: "Ask us",
      greeting: "Hi there",
      whenClosed: "hide",
      offlineNote: "Closed",
      translations: {},
    });
    expect(settings.businessHours.enabled).toBe(true);
    expect(settings.businessHours.days.mon).toEqual([
      { open: "09:00", close: "12:30" },
      { open: "13:30", close: "18:00" },
    ]);
    expect(settings.businessHours.days.tue).toEqual([{ open: "10:00", close: "16:00" }]);
    expect(settings.businessHours.days.sun).toEqual([]);
    expect(settings.businessHours.days.sat).toEqual([]);
  });

  it("reads hours as off when the box is unticked", () => {
    const { hoursEnabled: _, ...rest } = valid;
    expect(widgetSettingsFormSchema.parse(rest).businessHours.enabled).toBe(false);
  });

  it("puts each problem next to its field", () => {
    const errors = errorsOf({
      ...valid,
      colour: "green",
      position: "top",
      hours_mon: "nine to five",
      hours_tue: "18:00-09:00",
      hours_wed: "25:00-26:00",
      hours_thu: "08:00-09:00, 10:00-11:00, 12:00-13:00, 14:00-15:00",
      label: "x".repeat(41),
    });
    expect(Object.keys(errors).sort()).toEqual(
      ["colour", "hours_mon", "hours_thu", "hours_tue", "hours_wed", "label", "position"].sort(),
    );
    expect(errors.hours_mon?.[0]).toMatch(/09:00–18:00/);
    expect(errors.hours_tue?.[0]).toMatch(/after opening/);
    expect(errors.hours_thu?.[0]).toMatch(/At most 3/);
  });

  it("refuses business hours with every day closed, with a message at the switch", () => {
    const closed = {
      ...valid,
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
    expect(widgetSettingsFormSchema.parse(off).businessHours.enabled).toBe(false);
  });

  it("stores the label, greeting and offline note per language, leaving out empty ones", () => {
    const settings = widgetSettingsFormSchema.parse({
      ...valid,
      label_ja: " お問い合わせ ",
      offlineNote_ja: "ただいま営業時間外です",
      greeting_ko: "",
      "greeting_zh-Hans": "欢迎光临",
    });
    expect(settings.widget.translations).toEqual({
      ja: { label: "お問い合わせ", offlineNote: "ただいま営業時間外です" },
      "zh-Hans": { greeting: "欢迎光临" },
    });
    const errors = errorsOf({ ...valid, label_ja: "あ".repeat(41), greeting_ko: "가".repeat(141) });
    expect(errors).toEqual({
      label_ja: ["Keep it under 40 characters"],
      greeting_ko: ["Keep it under 140 characters"],
    });
  });

  it("round-trips stored settings through the form's initial values", () => {
    const stored = readStoreSettings({
      widget: { position: "left", label: "", translations: { ja: { greeting: "ようこそ" } } },
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
    const values = widgetSettingsFormValues(stored);
    expect(values.hours_fri).toBe("10:00–13:00, 14:00–19:00");
    expect(values.greeting_ja).toBe("ようこそ");
    // The widget form edits these two sections; the bot's settings live on their own page.
    expect(widgetSettingsFormSchema.parse(values)).toEqual({
      widget: stored.widget,
      businessHours: stored.businessHours,
    });
  });
});
