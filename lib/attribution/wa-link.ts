/** E.164 allows at most 15 digits; no country code starts with 0. */
const WA_DIGITS = /^[1-9]\d{6,14}$/;

/**
 * The digits wa.me wants from a stored number: "+1 555 000 1234" → "15550001234".
 * Only digits, spaces, dots, dashes and parentheses may surround them; anything else
 * (letters, a second "+") means the number is not one, and the answer is null.
 */
export function whatsappDigits(number: string): string | null {
  const trimmed = number.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  return WA_DIGITS.test(digits) ? digits : null;
}

/**
 * The click-to-chat URL. Always https://wa.me/ with the store's own digits, so no query
 * parameter can turn the redirect into one to somewhere else. The text is percent-encoded
 * as UTF-8 (spaces as %20, which WhatsApp decodes everywhere; "+" would not be).
 */
export function whatsappChatUrl(digits: string, text?: string): string {
  if (!WA_DIGITS.test(digits))
    throw new Error("whatsappChatUrl needs the digits of a phone number");
  const base = `https://wa.me/${digits}`;
  return text ? `${base}?text=${encodeURIComponent(text)}` : base;
}
