import { formatMessage } from "@/lib/i18n/messages";
import { currencyDigits } from "@/lib/money/format";

/**
 * Reading a submitted settings form field by field: whole numbers and money typed in major
 * units become exact integers, and every problem is collected per field in the member's
 * words. Pure, so a client's live preview and the server action read a form the same way.
 */

export type NumberFieldWords = {
  required: string;
  number: string;
  wholeNumber: string;
  /** "At least {min}" */
  min: string;
  /** "At most {max}" */
  max: string;
  /** "Enter an amount like {example}" */
  amount: string;
  positiveAmount: string;
};

/** `products.price_minor` and the like are PostgreSQL `integer`s. */
const MAX_STORED_MINOR = 2_147_483_647;

/** What was typed, with full-width digits and a typographic minus made plain. */
export const normalizeInput = (text: string | undefined) =>
  (text ?? "").normalize("NFKC").trim().replaceAll("−", "-");

/** An exact decimal with at most `digits` decimals, scaled to an integer ("1.25", 2 → 125). */
export function parseScaled(
  text: string,
  digits: number,
): number | "format" | "decimals" | "empty" {
  if (text === "") return "empty";
  const match = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return "format";
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) return "decimals";
  const value =
    BigInt(match[2]!.replaceAll(",", "")) * 10n ** BigInt(digits) +
    BigInt(fraction.padEnd(digits, "0") || "0");
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return "format";
  return match[1] ? -Number(value) : Number(value);
}

export function createFieldReader(
  values: Record<string, string>,
  words: NumberFieldWords,
  currency: string,
) {
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string): null => {
    (errors[field] ??= []).push(message);
    return null;
  };
  const text = (field: string) => normalizeInput(values[field]);
  /** A whole number in [min, max], else null with the field's error. */
  const integer = (field: string, min: number, max: number) => {
    const value = parseScaled(text(field), 0);
    if (value === "empty") return fail(field, words.required);
    if (value === "decimals") return fail(field, words.wholeNumber);
    if (value === "format") return fail(field, words.number);
    if (value < min) return fail(field, formatMessage(words.min, { min }));
    if (value > max)
      return fail(field, formatMessage(words.max, { max: max.toLocaleString("en") }));
    return value;
  };
  const digits = currencyDigits(currency);
  const example = digits === 0 ? "100" : `1.${"0".repeat(digits)}`;
  /** An amount typed in major units of `currency`, as exact minor units. */
  const amount = (field: string, allowZero: boolean) => {
    const value = parseScaled(text(field), digits);
    if (value === "empty") return fail(field, words.required);
    if (value === "format" || value === "decimals") {
      return fail(field, formatMessage(words.amount, { example }));
    }
    if (value < 0 || (!allowZero && value === 0)) return fail(field, words.positiveAmount);
    if (value > MAX_STORED_MINOR) return fail(field, formatMessage(words.amount, { example }));
    return value;
  };
  return { errors, fail, text, integer, amount };
}
