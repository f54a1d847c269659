import type { MessageTemplate, Order, OrderItem } from "@/db/schema";
import { matchLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money/format";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import type { IncentiveRecord } from "./incentive";
import type { RecoveryStepSettings } from "./settings";

/** The offer's line under a free-form reminder, per shopper language. */
const INCENTIVE_LINES: Record<ShopperLanguage, string> = {
  en: "Includes {discount} off, valid until {until}.",
  ja: "{discount}の割引が適用されています（{until}まで有効）。",
  "zh-Hans": "已优惠{discount}，有效期至{until}。",
  ko: "{discount} 할인이 적용되었습니다({until}까지 유효).",
};

/** Meta refuses empty template parameters and ones with line breaks or tabs (as order templates). */
function templateParameter(text: string): string {
  const clean = text.replace(/[\n\t]+/g, " ").trim();
  return clean === "" ? "-" : clean;
}

export type ReminderValues = {
  name: string;
  items: string;
  total: string;
  link: string;
  incentive: string;
};

export function reminderValues(input: {
  order: Pick<Order, "totalMinor" | "currency">;
  items: Pick<OrderItem, "name" | "quantity">[];
  customerName: string | null;
  link: string;
  incentive: IncentiveRecord | null;
  language: ShopperLanguage;
  timezone: string;
}): ReminderValues {
  const { order, language, incentive } = input;
  const money = (minor: number) => formatMoney(minor, order.currency, language);
  const applied = incentive?.status === "applied" && incentive.expiresAt;
  return {
    name: input.customerName?.trim() || "",
    items: input.items.map((item) => `${item.quantity} × ${item.name}`).join(", "),
    total: money(order.totalMinor),
    link: input.link,
    incentive: applied
      ? formatMessage(INCENTIVE_LINES[language], {
          discount: money(incentive.amountMinor ?? 0),
          until: new Intl.DateTimeFormat(language, {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone: input.timezone,
          }).format(new Date(incentive.expiresAt!)),
        })
      : "",
  };
}

/** The step's text in the shopper's language, else English, else any it has. */
export function stepText(step: RecoveryStepSettings, language: string): string | null {
  const texts = step.texts;
  const own = texts[matchLanguage(language) ?? "en"];
  return own || texts.en || Object.values(texts).find(Boolean) || null;
}

/** Free-form: the step's text with its variables, the link when the text has none, the offer. */
export function freeFormReminder(text: string, values: ReminderValues): OutgoingContent {
  let body = formatMessage(text, { ...values }).replace(/ {2,}/g, " ");
  if (!text.includes("{link}")) body += `\n${values.link}`;
  if (values.incentive && !text.includes("{incentive}")) body += `\n\n${values.incentive}`;
  return { type: "text", text: body.trim(), previewUrl: true };
}

/** The step's approved template with its variables filled in the order the step maps them. */
export function templateReminder(
  template: Pick<MessageTemplate, "name" | "language" | "category" | "variableCount">,
  variables: (keyof ReminderValues)[],
  values: ReminderValues,
): OutgoingContent {
  return {
    type: "template",
    name: template.name,
    language: template.language,
    bodyParameters: variables
      .slice(0, template.variableCount)
      .map((key) => templateParameter(values[key])),
    category: template.category,
  };
}
