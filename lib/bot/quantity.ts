/**
 * A quantity as a shopper types it in answer to "How many?": "3", "３", "3個", "みっつ",
 * "三つ", "3个", "3개", "세 개", "x3", "three". Returns the number said — possibly not a
 * valid quantity (0, -1, 100, 1.5: the caller checks with isValidOrderQuantity) — or null
 * when the text does not read as a number at all ("abc", "what colours?").
 */

/** Counters and units written after the number, in each shopper language. */
const UNIT_SUFFIX =
  /(?:個|こ|つ|点|本|枚|箱|袋|缶|セット|個で|个|件|份|盒|包|瓶|罐|개|병|박스|세트|pcs?|pieces?|units?|items?|boxes|box|x)$/u;
const PREFIX = /^(?:x|×)/u;
/** Politeness around the number: "3 please", "3つください", "3개 주세요", "3个吧". */
const POLITE = /(?:please|pls|ください|お願いします|でお願いします|です|で|주세요|요|吧|谢谢)$/u;

const WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  // Japanese native counting
  ひとつ: 1,
  ふたつ: 2,
  みっつ: 3,
  よっつ: 4,
  いつつ: 5,
  むっつ: 6,
  ななつ: 7,
  やっつ: 8,
  ここのつ: 9,
  とお: 10,
  // Korean native numbers, alone and before a counter (한 개)
  하나: 1,
  한: 1,
  둘: 2,
  두: 2,
  셋: 3,
  세: 3,
  넷: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
};

/** Kanji / hanzi digits, for 一つ, 三个, 十. */
const CJK_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function cjkNumber(text: string): number | null {
  if (text === "十") return 10;
  const tens = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (tens) {
    const high = tens[1] ? CJK_DIGITS[tens[1]]! : 1;
    const low = tens[2] ? CJK_DIGITS[tens[2]]! : 0;
    return high * 10 + low;
  }
  return text.length === 1 && text in CJK_DIGITS ? CJK_DIGITS[text]! : null;
}

function strip(text: string, pattern: RegExp): string {
  let current = text;
  for (;;) {
    const next = current.replace(pattern, "").trim();
    if (next === current) return current;
    current = next;
  }
}

function readNumber(text: string): number | null {
  const compact = text.replace(/\s+/g, "");
  if (/^[-−]?\d{1,3}(?:,\d{3})+$/u.test(compact))
    return Number(compact.replace(/[,−]/g, (c) => (c === "−" ? "-" : "")));
  if (/^[-−]?\d+(?:[.,]\d+)?$/u.test(compact))
    return Number(compact.replace("−", "-").replace(",", "."));
  if (Object.hasOwn(WORDS, compact)) return WORDS[compact]!;
  return cjkNumber(compact);
}

export function parseQuantity(input: string): number | null {
  // NFKC folds full-width digits and signs ("３", "－１") to ASCII.
  const text = strip(
    input
      .normalize("NFKC")
      .trim()
      .toLowerCase()
      .replace(/[.!。！]+$/u, ""),
    POLITE,
  );
  if (!text) return null;
  // Words first: みっつ and ここのつ end in a counter of their own.
  return readNumber(text) ?? readNumber(strip(strip(text, UNIT_SUFFIX), PREFIX));
}
