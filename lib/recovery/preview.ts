import type { MessageTemplate } from "@/db/schema";
import { fillTemplate } from "@/lib/inbox/template-preview";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { IncentiveRecord } from "./incentive";
import {
  freeFormReminder,
  type ReminderValues,
  reminderValues,
  stepText,
  templateReminder,
} from "./reminder-content";
import { incentiveAmountMinor, type RecoveryStepSettings } from "./settings";

/**
 * What each recovery step will look like in WhatsApp, for the settings page: the step's
 * free-form text and its template, filled with a sample cart by the same functions the
 * engine sends with (reminder-content.ts). Pure, so the page previews the form as typed.
 */

export type PreviewTemplate = Pick<
  MessageTemplate,
  "name" | "language" | "category" | "body" | "variableCount"
>;

/** A sample line: its product's name in each shopper language, a quantity, a unit price. */
export type SampleLine = {
  names: Partial<Record<ShopperLanguage, string>> & { en: string };
  quantity: number;
  unitMinor: number;
};

export type PreviewSample = {
  lines: SampleLine[];
  currency: string;
  timezone: string;
  link: string;
  /** When the sample reminder goes (the offer's expiry counts from it). */
  now: Date;
};

export type StepPreview = {
  /** The free-form reminder, and the language its text is in when the step has none in this one. */
  freeForm: { text: string; fallbackLanguage: ShopperLanguage | null } | null;
  /** The template reminder: its filled body, or that the template is not usable now. */
  template:
    | { status: "ready"; name: string; language: string; text: string }
    | { status: "unavailable"; name: string; language: string }
    | null;
};

/** A customer name per shopper language, for the sample. */
export const SAMPLE_NAMES: Record<ShopperLanguage, string> = {
  en: "Emma",
  ja: "さくら",
  "zh-Hans": "李娜",
  ko: "지민",
};

/** Used when the store has no products yet. */
const SAMPLE_PRODUCT: SampleLine = {
  names: { en: "Sample product", ja: "サンプル商品", "zh-Hans": "示例商品", ko: "샘플 상품" },
  quantity: 1,
  unitMinor: 0,
};

/** The sample cart: up to two of the store's products (one of the first, two of the second). */
export function sampleLines(
  products: { priceMinor: number; names: SampleLine["names"] }[],
  fallbackPriceMinor: number,
): SampleLine[] {
  const lines = products.slice(0, 2).map((product, index) => ({
    names: product.names,
    quantity: index + 1,
    unitMinor: product.priceMinor,
  }));
  return lines.length > 0 ? lines : [{ ...SAMPLE_PRODUCT, unitMinor: fallbackPriceMinor }];
}

function sampleValues(
  step: RecoveryStepSettings,
  sample: PreviewSample,
  language: ShopperLanguage,
) {
  const subtotal = sample.lines.reduce((sum, line) => sum + line.quantity * line.unitMinor, 0);
  const offer = step.incentive;
  const discount = offer ? incentiveAmountMinor(offer, subtotal) : 0;
  // As the engine does (lib/orders/discount.ts): an offer that would leave nothing to pay is
  // not applied, so the preview shows none.
  const incentive: IncentiveRecord | null =
    offer && discount > 0 && discount < subtotal
      ? {
          ...offer,
          status: "applied",
          orderId: "sample",
          amountMinor: discount,
          appliedAt: sample.now.toISOString(),
          expiresAt: new Date(sample.now.getTime() + offer.validHours * 3_600_000).toISOString(),
        }
      : null;
  return reminderValues({
    order: { totalMinor: subtotal - (incentive ? discount : 0), currency: sample.currency },
    items: sample.lines.map((line) => ({
      name: line.names[language] ?? line.names.en,
      quantity: line.quantity,
    })),
    customerName: SAMPLE_NAMES[language],
    link: sample.link,
    incentive,
    language,
    timezone: sample.timezone,
  });
}

/**
 * The step as a shopper reading `language` would get it, inside and outside the window. As
 * the engine does, the values (names, money, the offer's line) are in the shopper's
 * language whichever language the text or template is in.
 */
export function previewStep(
  step: RecoveryStepSettings,
  language: ShopperLanguage,
  sample: PreviewSample,
  templates: PreviewTemplate[],
): StepPreview {
  const values = sampleValues(step, sample, language);
  const text = stepText(step, language);
  const fallbackLanguage = step.texts[language]
    ? null
    : ((Object.keys(step.texts) as ShopperLanguage[]).find(
        (candidate) => step.texts[candidate] === text,
      ) ?? null);
  const content = text ? freeFormReminder(text, values) : null;
  return {
    freeForm: content?.type === "text" ? { text: content.text, fallbackLanguage } : null,
    template: previewTemplate(step, values, templates),
  };
}

function previewTemplate(
  step: RecoveryStepSettings,
  values: ReminderValues,
  templates: PreviewTemplate[],
): StepPreview["template"] {
  const chosen = step.template;
  if (!chosen) return null;
  const { name, language } = chosen;
  const template = templates.find(
    (candidate) => candidate.name === name && candidate.language === language,
  );
  // As the engine: usable only while approved and with every variable mapped.
  if (!template || template.variableCount > chosen.variables.length) {
    return { status: "unavailable", name, language };
  }
  const content = templateReminder(template, chosen.variables, values);
  const parameters = content.type === "template" ? content.bodyParameters : [];
  return { status: "ready", name, language, text: fillTemplate(template.body, parameters) };
}
