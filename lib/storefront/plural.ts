import { formatMessage } from "@/lib/i18n/messages";

export type PluralForms = { one: string; other: string };

/** Picks the plural form for `count` by the language's rules and fills in {count}. */
export function formatCount(language: string, count: number, forms: PluralForms): string {
  const category = new Intl.PluralRules(language).select(count);
  const template = category === "one" ? forms.one : forms.other;
  return formatMessage(template, { count: count.toLocaleString(language) });
}
