import type { ShopperLanguage } from "@/lib/i18n/languages";

const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
const ONE_HAN = /^\p{Script=Han}$/u;
const SPACE = /^\s+$/u;

/**
 * A short printed line cut into the phrases a line may break between (and spaces), so that a
 * narrow card never wraps one Japanese or Chinese character alone. English and Korean break
 * at spaces only (Korean keeps its words whole). Japanese and Chinese have no spaces: their
 * words are found with Intl.Segmenter, particles and okurigana written in hiragana ("して",
 * "で") stay with the word before them, and a one-character word ("与") with its neighbour.
 */
export function cardPhrases(text: string, language: ShopperLanguage): string[] {
  if (language !== "ja" && language !== "zh-Hans") return text.split(/(\s+)/u).filter(Boolean);
  const phrases: string[] = [];
  for (const { segment, isWordLike } of new Intl.Segmenter(language, {
    granularity: "word",
  }).segment(text)) {
    const last = phrases.at(-1);
    const joins =
      last !== undefined &&
      !SPACE.test(last) &&
      !SPACE.test(segment) &&
      (!isWordLike || HIRAGANA_ONLY.test(segment) || ONE_HAN.test(last));
    if (joins) phrases[phrases.length - 1] = last + segment;
    else phrases.push(segment);
  }
  const [before, lastPhrase] = [phrases.at(-2), phrases.at(-1)];
  if (lastPhrase && before && ONE_HAN.test(lastPhrase) && !SPACE.test(before)) {
    phrases.splice(-2, 2, before + lastPhrase);
  }
  return phrases;
}
