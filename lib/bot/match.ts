import { stripRefTags } from "@/lib/attribution/refs";
import type { BotContext } from "./types";

/**
 * How sure an intent is, in one place so the order between intents stays readable: a tapped
 * button is certain; a cart or product ref is nearly so; among words, asking for a person beats
 * everything else, an owner's FAQ keywords beat our generic words, wanting to buy beats asking
 * about orders (both say "order", 注文), and a greeting only wins
 * when nothing more specific was said.
 */
export const MATCH_SCORES = {
  replyId: 100,
  referredCart: 95,
  referredProduct: 90,
  /** A date typed after the bot asked for the shopper's birthday. */
  birthdayAnswer: 90,
  handOffWords: 60,
  /** "points", ポイント, 积分, 포인트 while the store's programme is on. */
  loyaltyWords: 55,
  faqKeywords: 50,
  buyWords: 48,
  orderWords: 45,
  catalogWords: 40,
  greetingWords: 30,
  /** Text that is no number, after "How many?": asked again, unless anything else matched. */
  quantityNotANumber: 2,
  /** Text that is no date, after "When is your birthday?": asked again, likewise. */
  birthdayNotADate: 2,
  fallback: 1,
} as const;

/** The id of the tapped button or list row, if the message was one. */
export function replyIdOf(context: BotContext): string | null {
  return context.inbound.kind === "reply" ? context.inbound.replyId : null;
}

/**
 * The typed text, if the message was text, without its ref tag: a ref is random letters
 * ("(ref STAFF)", "(ref MENU)") and must never read as words an intent listens for.
 */
export function textOf(context: BotContext): string | null {
  return context.inbound.kind === "text" ? stripRefTags(context.inbound.text) : null;
}

/** NFKC folds full-width letters and half-width katakana, so "ＭＥＮＵ" reads as "menu". */
function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

const LATIN_KEYWORD = /^[\p{Script=Latin}\p{N}\s'&-]+$/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whether `keyword` occurs in `text`, case-insensitively. Latin keywords must be whole
 * words ("hi" is not in "history"); Japanese, Chinese and Korean are written without
 * spaces between words (or with particles attached), so there any substring counts.
 */
export function containsKeyword(text: string, keyword: string): boolean {
  const needle = normalise(keyword).trim();
  if (!needle) return false;
  const haystack = normalise(text);
  if (!LATIN_KEYWORD.test(needle)) return haystack.includes(needle);
  const words = escapeRegExp(needle).replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, "u").test(haystack);
}

export function containsAnyKeyword(text: string, keywords: readonly string[]): boolean {
  return keywords.some((keyword) => containsKeyword(text, keyword));
}

/** Scores typed text or a tapped reply id against an intent's words and ids. */
export function scoreWordsOrReplyIds(
  context: BotContext,
  options: { replyIds: readonly string[]; keywords: readonly string[]; keywordScore: number },
): number {
  const replyId = replyIdOf(context);
  if (replyId !== null) return options.replyIds.includes(replyId) ? MATCH_SCORES.replyId : 0;
  const text = textOf(context);
  if (text !== null && containsAnyKeyword(text, options.keywords)) return options.keywordScore;
  return 0;
}
