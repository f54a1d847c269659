import { containsKeyword } from "./match";
import type { BotProduct } from "./types";

/** Words too common in product names to pick one ("Matcha Gift Set", "抹茶セット"). */
const COMMON_WORDS = new Set([
  "the",
  "and",
  "with",
  "for",
  "set",
  "pack",
  "gift",
  "box",
  "limited",
  "セット",
  "ギフト",
  "套装",
  "礼盒",
  "세트",
  "선물",
]);

const words = new Intl.Segmenter("en", { granularity: "word" });
const LATIN = /^[\p{Script=Latin}'’-]+$/u;
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;

function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function wordsOf(text: string): string[] {
  return [...words.segment(normalise(text))]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment);
}

/**
 * The words of a product name that can name it: Latin words of three letters or more,
 * and words of two characters or more in other scripts, but not sizes ("1.2"), particles
 * written in hiragana ("の") nor words every shop uses ("set", "gift").
 */
function namingWords(name: string): string[] {
  return wordsOf(name).filter((word) => {
    if (COMMON_WORDS.has(word)) return false;
    if (LATIN.test(word)) return word.length >= 3;
    return [...word].length >= 2 && !HIRAGANA_ONLY.test(word) && /\p{L}/u.test(word);
  });
}

/** "whisk" is mentioned by "whisks", and "glasses" by "glass". */
function samePlural(a: string, b: string): boolean {
  return a === b || a === `${b}s` || a === `${b}es` || b === `${a}s` || b === `${a}es`;
}

function mentions(text: string, textWords: string[], word: string): boolean {
  if (LATIN.test(word)) return textWords.some((textWord) => samePlural(textWord, word));
  // Japanese, Chinese and Korean attach particles to words: a substring counts.
  return normalise(text).includes(word);
}

/** The one product one of whose names the shopper wrote in full, or null when none or several. */
function wholeName(text: string, products: readonly BotProduct[]): BotProduct | null {
  const named = products.filter((product) =>
    product.names.some((name) => containsKeyword(text, name)),
  );
  return named.length === 1 ? (named[0] ?? null) : null;
}

/** How many naming words of the product's best-matching name the text mentions. */
function hitsOf(text: string, textWords: string[], product: BotProduct): number {
  return Math.max(
    ...product.names.map(
      (name) => namingWords(name).filter((word) => mentions(text, textWords, word)).length,
    ),
  );
}

/**
 * The product a shopper's words name ("2 of the whisk", "抹茶を2つ"), in any language it has a
 * name in: the one whose whole name is written, else the one with most of one name's naming
 * words mentioned. Null when no
 * product is named, or when several are named equally ("matcha" in three names): then
 * a person, not a guess, should answer.
 */
export function findNamedProduct(text: string, products: readonly BotProduct[]): BotProduct | null {
  const whole = wholeName(text, products);
  if (whole) return whole;
  const textWords = wordsOf(text);
  let best: BotProduct | null = null;
  let bestHits = 0;
  let tie = false;
  for (const product of products) {
    const hits = hitsOf(text, textWords, product);
    if (hits > bestHits) [best, bestHits, tie] = [product, hits, false];
    else if (hits > 0 && hits === bestHits) tie = true;
  }
  return tie ? null : best;
}
