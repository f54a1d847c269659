/**
 * A birthday as the shopper types it, month and day only ("12/24", "24 Dec", "December
 * 24th", 「12月24日」, 「12月24号」, "12월 24일"). A year, if given, is read past and never kept.
 */
export type Birthday = { month: number; day: number };

/** Days in each month, February with the 29th: a leap-day birthday is a real one. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isValidBirthday(month: number, day: number): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= DAYS_IN_MONTH[month - 1]!;
}

const MONTH_NAMES = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
] as const;

/** "dec", "december", "sept" → 12, 12, 9. */
function monthOfName(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, "");
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => lower.startsWith(name));
  if (index < 0) return null;
  const full = new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" })
    .format(new Date(Date.UTC(2000, index, 1)))
    .toLowerCase();
  return full.startsWith(lower) ? index + 1 : null;
}

const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(?:\\d{4})";

type Reader = { pattern: RegExp; read(match: RegExpMatchArray): Birthday | null };

const numbers = (month: string | undefined, day: string | undefined): Birthday => ({
  month: Number(month),
  day: Number(day),
});

const READERS: Reader[] = [
  // 12月24日, 12月24号, 1990年12月24日
  {
    pattern: new RegExp(`^(?:${YEAR}年)?(\\d{1,2})月(\\d{1,2})[日号號]?$`, "u"),
    read: (m) => numbers(m[1], m[2]),
  },
  // 12월 24일, 1990년 12월 24일
  {
    pattern: new RegExp(`^(?:${YEAR}년)?(\\d{1,2})월(\\d{1,2})일?$`, "u"),
    read: (m) => numbers(m[1], m[2]),
  },
  // 1990-12-24, 1990/12/24
  {
    pattern: new RegExp(`^${YEAR}[-/.](\\d{1,2})[-/.](\\d{1,2})$`, "u"),
    read: (m) => numbers(m[1], m[2]),
  },
  // 12/24, 12-24, 12.24 (month first, as in the US and East Asia), or 24/12 when only
  // that reading is a date; an optional year after.
  {
    pattern: new RegExp(`^(\\d{1,2})[-/.](\\d{1,2})(?:[-/.]${YEAR})?$`, "u"),
    read: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      return a > 12 && b <= 12 ? { month: b, day: a } : { month: a, day: b };
    },
  },
  // 24 Dec, 24th of December, 24 December 1990
  {
    pattern: new RegExp(`^${DAY}(?:of)?([a-z]+\\.?)(?:${YEAR})?$`, "iu"),
    read: (m) => {
      const month = monthOfName(m[2] ?? "");
      return month ? { month, day: Number(m[1]) } : null;
    },
  },
  // Dec 24, December 24th, Dec 24 1990
  {
    pattern: new RegExp(`^([a-z]+\\.?)${DAY}(?:${YEAR})?$`, "iu"),
    read: (m) => {
      const month = monthOfName(m[1] ?? "");
      return month ? { month, day: Number(m[2]) } : null;
    },
  },
];

export type BirthdayParse =
  | { ok: true; birthday: Birthday }
  /** `not_a_date`: no month and day in it; `no_such_day`: read, but no such date (Feb 30). */
  | { ok: false; reason: "not_a_date" | "no_such_day" };

/** Reads a month and day from what the shopper typed. */
export function parseBirthday(text: string): BirthdayParse {
  // NFKC turns full-width digits into ASCII; spaces and commas carry no meaning here.
  const compact = text
    .normalize("NFKC")
    .trim()
    .replace(/[\s,]+/g, "")
    .replace(/[。.!！]+$/u, "");
  for (const reader of READERS) {
    const match = compact.match(reader.pattern);
    if (!match) continue;
    const birthday = reader.read(match);
    if (!birthday) continue;
    return isValidBirthday(birthday.month, birthday.day)
      ? { ok: true, birthday }
      : { ok: false, reason: "no_such_day" };
  }
  return { ok: false, reason: "not_a_date" };
}
