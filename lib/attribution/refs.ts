import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L: a ref read aloud or retyped from a screenshot survives. */
export const REF_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const REF_LENGTH = 5;

/** A random ref (31^5 ≈ 28.6 million per store; uniqueness comes from the database). */
export function generateRef(length = REF_LENGTH): string {
  let ref = "";
  for (let i = 0; i < length; i++) ref += REF_ALPHABET[randomInt(REF_ALPHABET.length)];
  return ref;
}

/** The fixed form the ref takes at the end of a prefilled message. */
export function refTag(ref: string): string {
  return `(ref ${ref})`;
}

const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (Ｋ７Ｑ) and ideographic spaces, as Japanese keyboards type them, to ASCII. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (char) =>
      String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET),
    )
    .replace(/\u3000/g, " ");
}

/**
 * Finds a ref in a shopper's message: "(ref K7Q2M)", tolerant of case, spaces and
 * full-width characters. Returns the normalised ref, or null.
 */
export function findRef(message: string): string | null {
  const text = toHalfWidth(message);
  const match = /\(\s*ref\s*[:#]?\s*([0-9a-z]{4,8})\s*\)/i.exec(text);
  if (!match?.[1]) return null;
  const ref = match[1].toUpperCase();
  return [...ref].every((char) => REF_ALPHABET.includes(char)) ? ref : null;
}
