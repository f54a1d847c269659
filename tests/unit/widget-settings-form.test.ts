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
};

function errorsOf(values: Record<string, string>) {
  const parsed = widgetSettingsFormSchema.safeParse(values);
  if (parsed.success) throw new Error("expected the form to be rejected");
  return z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("widget settings form", () => {
  it("turns the form into widget settings, leaving business hours to Settings", () => {
    const settings = widgetSettingsFormSchema.parse(valid);
    expect(settings).toEqual({
      widget: {
        position: "left",
        colour: "#128C7E",
        label: "Ask us",
        greeting: "Hi there",
        whenClosed: "hide",
        offlineNote: "Closed",
        translations: {},
      },
    });
  });

  it("puts each problem next to its field", () => {
    const errors = errorsOf({
      ...valid,
      colour: "green",
      position: "top",
      label: "x".repeat(41),
    });
    expect(Object.keys(errors).sort()).toEqual(["colour", "label", "position"]);
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
    expect(values.greeting_ja).toBe("ようこそ");
    expect(values).not.toHaveProperty("hours_fri");
    // The widget form edits the widget only: business hours and the bot have their own forms.
    expect(widgetSettingsFormSchema.parse(values)).toEqual({ widget: stored.widget });
  });
});
