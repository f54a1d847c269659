import { randomInt } from "node:crypto";
import { toHalfWidth } from "@/lib/text/half-width";

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

/**
 * Finds a ref in a shopper's message: "(ref K7Q2M)", tolerant of case, spaces and
 * full-width characters. The last valid tag wins (ours is appended at the end of the
 * prefilled text). Returns the normalised ref, or null.
 */
export function findRef(message: string): string | null {
  const text = toHalfWidth(message);
  let found: string | null = null;
  for (const match of text.matchAll(/\(\s*ref(?:\s*[:#]\s*|\s+)([0-9a-z]{4,8})\s*\)/gi)) {
    const ref = match[1]?.toUpperCase() ?? "";
    if ([...ref].every((char) => REF_ALPHABET.includes(char))) found = ref;
  }
  return found;
}

const REF_TAG_PATTERN = /\(\s*ref\s*[:#]?\s*[0-9a-z]{4,8}\s*\)/gi;

/**
 * Removes anything that reads as a ref tag, so that text we put in front of our own tag
 * (a product name, an owner's QR message) can never carry a second, earlier ref.
 * Half-width conversion keeps every UTF-16 index, so matches cut the original text.
 */
export function stripRefTags(text: string): string {
  const halfWidth = toHalfWidth(text);
  let result = "";
  let last = 0;
  for (const match of halfWidth.matchAll(REF_TAG_PATTERN)) {
    result += text.slice(last, match.index);
    last = match.index + match[0].length;
  }
  return result + text.slice(last);
}
