import { currencyDigits } from "@/lib/money/format";

/** The highest price an owner can enter, in major units (¥10,000,000 or $10,000,000). */
export const MAX_PRICE_MAJOR = 10_000_000;

/** `products.price_minor` is a PostgreSQL `integer`. */
const MAX_STORED_MINOR = 2_147_483_647;

export type PriceParseResult = { ok: true; minor: number } | { ok: false; error: string };

// "2800", "19.99", "2,800", "1,234,567.5": digits, optionally grouped by commas in threes,
// optionally a decimal point and digits. A comma anywhere else ("19,99") is refused rather
// than guessed at, because in much of Europe it is the decimal separator.
const PRICE_PATTERN = /^(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))?$/;

function example(digits: number): string {
  return digits === 0 ? "2800" : `19.${"9".repeat(digits)}`;
}

/**
 * Parses a price typed in major units ("2800" yen, "19.99" dollars) into exact integer minor
 * units of `currency`, using only string and integer arithmetic (no floating point).
 * Full-width digits from a Japanese keyboard are accepted. Extra decimals are refused unless
 * they are zeros ("2800.00" yen is exactly 2800; "19.999" dollars is not a price).
 */
export function parsePrice(input: string, currency: string): PriceParseResult {
  const digits = currencyDigits(currency);
  const text = input.normalize("NFKC").trim();
  if (text === "") return { ok: false, error: "Enter a price" };
  if (/^[-−]/.test(text)) return { ok: false, error: "The price can't be negative" };
  const match = PRICE_PATTERN.exec(text);
  if (!match?.groups) {
    return {
      ok: false,
      error: `Enter the price as a number, e.g. ${example(digits)}`,
    };
  }
  const whole = (match.groups.whole ?? "").replaceAll(",", "");
  const fraction = match.groups.fraction ?? "";
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > digits) {
    return {
      ok: false,
      error:
        digits === 0
          ? `${currency} prices have no decimals: enter whole units, e.g. ${example(digits)}`
          : `${currency} prices have at most ${digits} decimal${digits === 1 ? "" : "s"}, e.g. ${example(digits)}`,
    };
  }
  const minor =
    BigInt(whole) * 10n ** BigInt(digits) + BigInt(significant.padEnd(digits, "0") || "0");
  const maxMinor = BigInt(MAX_PRICE_MAJOR) * 10n ** BigInt(digits);
  if (minor > maxMinor || minor > BigInt(MAX_STORED_MINOR)) {
    return { ok: false, error: "This price is too high; check the number of zeros" };
  }
  if (minor === 0n) return { ok: false, error: "The price must be more than zero" };
  return { ok: true, minor: Number(minor) };
}

/** The form value for a stored price, the inverse of parsePrice: (1999, "USD") → "19.99". */
export function priceInputValue(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** An example price to show in the form: "2800" for JPY, "19.99" for USD, "19.999" for KWD. */
export function examplePriceInput(currency: string): string {
  return example(currencyDigits(currency));
}
