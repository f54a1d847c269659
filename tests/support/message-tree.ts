import { describe, expect, it } from "vitest";

/** Helpers for the message-file tests (storefront and dashboard dictionaries). */
export type Tree = { [key: string]: string | Tree };

/** "storefront.errors.quantity" → the string, for every leaf of the tree. */
export function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) found.set(leaf, text);
  }
  return found;
}

export const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The checks every translated dictionary passes against its English shape. */
export function describeTranslation(language: string, englishTree: object, translatedTree: object) {
  const english = leaves(englishTree as Tree);
  const translated = leaves(translatedTree as Tree);
  describe(language, () => {
    it("has every key of English and no others", () => {
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it("has no empty or untrimmed strings", () => {
      for (const [key, text] of translated) {
        expect(text.trim(), key).not.toBe("");
        expect(text, key).toBe(text.trim());
      }
    });

    it("keeps English's {placeholders}", () => {
      for (const [key, text] of english) {
        expect(placeholders(translated.get(key) ?? ""), key).toEqual(placeholders(text));
      }
    });

    it("is translated, not copied from English", () => {
      const copied = [...english].filter(([key, text]) => translated.get(key) === text);
      expect(copied.map(([key]) => key)).toEqual([]);
    });
  });
}
