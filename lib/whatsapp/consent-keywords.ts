import type { ShopperLanguage } from "@/lib/i18n/languages";
import { toHalfWidth } from "@/lib/text/half-width";

/**
 * The one list of whole-message keywords that opt a customer out of (or back into)
 * business-initiated messages. Every language's keywords work whatever the conversation
 * language is: a Japanese shopper typing STOP is opted out too.
 */
export const CONSENT_KEYWORDS: Record<
  ShopperLanguage,
  { optOut: readonly string[]; optIn: readonly string[] }
> = {
  en: { optOut: ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"], optIn: ["START"] },
  ja: { optOut: ["停止", "配信停止"], optIn: ["START", "配信再開"] },
  "zh-Hans": { optOut: ["退订"], optIn: ["START", "订阅"] },
  ko: { optOut: ["수신거부"], optIn: ["START", "수신동의"] },
};

export type ConsentKeyword = "opt_out" | "opt_in";

/** Leading/trailing spaces, punctuation and quotes a shopper adds around a keyword. */
const EDGE_NOISE = /^[\s"'「『“‘]+|[\s.!?,;:。、！？…~"'」』”’]+$/gu;

function normalise(text: string): string {
  return toHalfWidth(text).replace(EDGE_NOISE, "").replace(/\s+/g, " ").toUpperCase();
}

const KEYWORD_KINDS = new Map<string, ConsentKeyword>();
for (const { optOut, optIn } of Object.values(CONSENT_KEYWORDS)) {
  for (const keyword of optOut) KEYWORD_KINDS.set(normalise(keyword), "opt_out");
  for (const keyword of optIn) KEYWORD_KINDS.set(normalise(keyword), "opt_in");
}

/**
 * Whether a whole message is an opt-out or opt-in keyword ("stop", " ＳＴＯＰ！", "停止。").
 * Only the whole message counts: "don't stop the order" is not an opt-out.
 */
export function classifyConsentKeyword(text: string): ConsentKeyword | null {
  return KEYWORD_KINDS.get(normalise(text)) ?? null;
}
