const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Full-width ASCII (Ｋ７Ｑ, ＳＴＯＰ) and ideographic spaces, as Japanese keyboards type
 * them, to ASCII. Keeps every UTF-16 index, so matches found in the result cut the original.
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (char) =>
      String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET),
    )
    .replace(/\u3000/g, " ");
}
