import { stripRefTags } from "@/lib/attribution/refs";
import { matchLanguage, SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
/** A token of Latin letters only: "K7Q2M" or "2x" are codes, not words. */
const LATIN_WORD = /^[\p{Script=Latin}'’-]+$/u;
/** Letters of any script other than Latin (Cyrillic, Thai, Arabic …): not English. */
const OTHER_LETTER = /(?![\p{Script=Latin}])\p{L}/u;

/**
 * Single words that are English and nothing else a shopper here would write: a first "hi"
 * or "hello" to a Japanese shop is an English speaker. "ok", "menu" or "hola" are not.
 */
const ENGLISH_ON_THEIR_OWN = new Set(["hi", "hello", "hey", "hiya", "howdy", "thanks", "help"]);

/**
 * Guesses the language of a shopper's message from its script. Kana means Japanese even
 * beside kanji; Han ideographs alone mean Chinese. Latin text counts as English from two
 * words on, or as one English greeting ("hi"), because "ok" or a product code says nothing
 * about the language.
 */
export function detectLanguageFromText(text: string): ShopperLanguage | null {
  const content = stripRefTags(text);
  if (KANA.test(content)) return "ja";
  if (HANGUL.test(content)) return "ko";
  if (HAN.test(content)) return "zh-Hans";
  if (OTHER_LETTER.test(content)) return null;
  const tokens = content.split(/[\s.,!?;:()"]+/u);
  const latinWords = tokens.filter((token) => LATIN_WORD.test(token));
  if (latinWords.length >= 2) return "en";
  const only = latinWords.length === 1 ? latinWords[0]?.toLowerCase() : undefined;
  return only && ENGLISH_ON_THEIR_OWN.has(only) ? "en" : null;
}

export type ConversationLanguageInput = {
  /** The language of the storefront page the shopper clicked from (a BCP 47 tag). */
  clickLanguage?: string | null;
  /** The language stored on the customer from an earlier conversation. */
  customerLocale?: string | null;
  /** The shopper's message. */
  text?: string | null;
  /** The store's default locale ("ja-JP", "en"). */
  storeDefault: string;
  /** Languages the store offers; when given, only these are chosen. */
  storeLanguages?: readonly string[];
};

/**
 * The language the bot answers in: what the shopper chose on the storefront, else what we
 * know about the customer, else what their message is written in, else the store default.
 */
export function chooseConversationLanguage(input: ConversationLanguageInput): ShopperLanguage {
  const offered = (input.storeLanguages ?? [])
    .map((tag) => matchLanguage(tag))
    .filter((language) => language !== null);
  const isOffered = (language: ShopperLanguage | null): language is ShopperLanguage =>
    language !== null && (offered.length === 0 || offered.includes(language));

  const candidates = [
    matchLanguage(input.clickLanguage),
    matchLanguage(input.customerLocale),
    input.text ? detectLanguageFromText(input.text) : null,
  ];
  const chosen = candidates.find(isOffered);
  if (chosen) return chosen;
  return matchLanguage(input.storeDefault) ?? offered[0] ?? SHOPPER_LANGUAGES[0];
}
