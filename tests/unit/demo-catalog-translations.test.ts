import { describe, expect, it } from "vitest";
import { productTranslationsSchema } from "@/lib/catalog/translations";
import { DEMO_PRODUCTS } from "@/lib/demo/seed/catalog";
import { DEMO_PRODUCT_TRANSLATIONS } from "@/lib/demo/seed/catalog-translations";

describe("the demo catalogue's translations", () => {
  it("name every demo product in Japanese, the store's language, in the stored shape", () => {
    const slugs = DEMO_PRODUCTS.map((product) => product.slug);
    expect(Object.keys(DEMO_PRODUCT_TRANSLATIONS).sort()).toEqual([...slugs].sort());
    for (const [slug, translations] of Object.entries(DEMO_PRODUCT_TRANSLATIONS)) {
      expect(productTranslationsSchema.parse(translations), slug).toEqual(translations);
      expect(translations.ja?.name, slug).toMatch(/\p{Script=Han}|\p{Script=Katakana}/u);
    }
  });
});
