import { describe, expect, it } from "vitest";
import { productFormFields, validateProductForm } from "@/lib/catalog/product-schema";
import {
  localizedName,
  localizeProduct,
  productFormLanguages,
  readProductTranslations,
  translationFormValues,
} from "@/lib/catalog/translations";
import { translationLanguages } from "@/lib/i18n/languages";

const product = {
  name: "Uji Matcha",
  description: "Stone-ground.",
  translations: { ja: { name: "宇治抹茶", description: "石臼挽き。" }, ko: { name: "우지 말차" } },
};

describe("product translations", () => {
  it("shows the shopper's language, falling back field by field to the default", () => {
    expect(localizeProduct(product, "ja")).toMatchObject({
      name: "宇治抹茶",
      description: "石臼挽き。",
    });
    expect(localizeProduct(product, "ko")).toMatchObject({
      name: "우지 말차",
      description: "Stone-ground.",
    });
    expect(localizeProduct(product, "zh-Hans")).toMatchObject({
      name: "Uji Matcha",
      description: "Stone-ground.",
    });
    expect(localizedName(product, "ja")).toBe("宇治抹茶");
  });

  it("ignores stored JSON that does not validate instead of breaking the page", () => {
    expect(readProductTranslations({ ja: { name: 42 } })).toEqual({});
    expect(readProductTranslations(null)).toEqual({});
    expect(localizeProduct({ ...product, translations: "nonsense" }, "ja").name).toBe("Uji Matcha");
  });

  it("offers every language but the store's default", () => {
    expect(translationLanguages("ja")).toEqual(["en", "zh-Hans", "ko"]);
    expect(translationLanguages("en-GB")).toEqual(["ja", "zh-Hans", "ko"]);
    expect(translationLanguages("tlh")).toEqual(["ja", "zh-Hans", "ko"]);
    // A translation in the default language (the demo's Japanese names) stays editable.
    expect(productFormLanguages("ja", product.translations)).toEqual(["en", "ja", "zh-Hans", "ko"]);
    expect(productFormLanguages("ja", {})).toEqual(["en", "zh-Hans", "ko"]);
  });

  it("reads the form's per-language fields, leaving out empty languages, with errors per field", () => {
    const fields = productFormFields.parse({
      name: "Uji Matcha",
      sku: "KTC-1",
      price: "2800",
      name_ja: "  宇治抹茶 ",
      description_ja: "",
      name_ko: "",
      "description_zh-Hans": "石磨研磨。",
    });
    const valid = validateProductForm(fields, "JPY");
    expect(valid.ok && valid.input.translations).toEqual({
      ja: { name: "宇治抹茶", description: undefined },
      "zh-Hans": { name: undefined, description: "石磨研磨。" },
    });

    const tooLong = validateProductForm({ ...fields, name_ko: "가".repeat(121) }, "JPY");
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.fieldErrors.name_ko).toEqual([
      "Keep the name under 120 characters",
    ]);
  });

  it("gives the form every language's fields, empty where untranslated", () => {
    const values = translationFormValues(product.translations);
    expect(values.name_ja).toBe("宇治抹茶");
    expect(values.description_ko).toBe("");
    expect(values["name_zh-Hans"]).toBe("");
  });
});
