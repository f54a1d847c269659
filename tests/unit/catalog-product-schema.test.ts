import { describe, expect, it } from "vitest";
import {
  productFormValues,
  slugify,
  validateProductForm,
  type ProductFormFields,
} from "@/lib/catalog/product-schema";

const fields = (overrides: Partial<ProductFormFields> = {}): ProductFormFields => ({
  name: "Matcha Gift Set",
  slug: "",
  sku: "KTC-100",
  description: "",
  price: "2800",
  imageUrl: "",
  active: "on",
  ...overrides,
});

describe("slugify", () => {
  it("makes kebab-case from names", () => {
    expect(slugify("Uji Matcha, Ceremonial Grade (30 g)")).toBe("uji-matcha-ceremonial-grade-30-g");
    expect(slugify("Tea & Crafts")).toBe("tea-and-crafts");
    expect(slugify("Crème Brûlée")).toBe("creme-brulee");
    expect(slugify("  --Hello--  ")).toBe("hello");
  });

  it("returns an empty slug when no Latin letters are left", () => {
    expect(slugify("抹茶セット")).toBe("");
  });

  it("keeps slugs at 80 characters without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("validateProductForm", () => {
  it("returns typed input with the price in minor units of the store currency", () => {
    expect(validateProductForm(fields({ price: "19.99" }), "USD")).toEqual({
      ok: true,
      input: {
        name: "Matcha Gift Set",
        slug: null,
        sku: "KTC-100",
        description: "",
        priceMinor: 1999,
        imageUrl: null,
        active: true,
        translations: {},
      },
    });
  });

  it("reads an unchecked box as archived, and lowercases a typed slug", () => {
    const result = validateProductForm(fields({ active: undefined, slug: " Gift-Set " }), "JPY");
    expect(result).toMatchObject({ ok: true, input: { active: false, slug: "gift-set" } });
  });

  it("reports every bad field at once", () => {
    const result = validateProductForm(
      fields({
        name: "  ",
        slug: "Gift Set!",
        sku: "KTC 100",
        price: "19.999",
        imageUrl: "http://example.com/a.png",
        description: "x".repeat(5001),
      }),
      "USD",
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? {} : result.fieldErrors;
    expect(Object.keys(errors).sort()).toEqual([
      "description",
      "imageUrl",
      "name",
      "price",
      "sku",
      "slug",
    ]);
    expect(errors.price).toEqual(["USD prices have at most 2 decimals, e.g. 19.99"]);
    expect(errors.name).toEqual(["Enter the product name"]);
  });

  it("gives an empty SKU one message, not two run together", () => {
    const result = validateProductForm(fields({ sku: "  " }), "JPY");
    expect(result.ok ? {} : result.fieldErrors.sku).toEqual([
      "Enter a SKU (your stock code, e.g. KTC-013)",
    ]);
  });

  it("says at the field that a product name is over 120 characters", () => {
    const result = validateProductForm(fields({ name: "抹".repeat(121) }), "JPY");
    expect(result.ok ? {} : result.fieldErrors.name).toEqual([
      "Keep the name under 120 characters",
    ]);
  });

  it("parses the same text differently per currency", () => {
    expect(validateProductForm(fields({ price: "12.5" }), "JPY").ok).toBe(false);
    expect(validateProductForm(fields({ price: "12.5" }), "KWD")).toMatchObject({
      ok: true,
      input: { priceMinor: 12500 },
    });
  });
});

describe("productFormValues", () => {
  it("shows a stored product with its price in major units", () => {
    expect(
      productFormValues({
        name: "Tea",
        slug: "tea",
        sku: "T-1",
        description: "Green",
        priceMinor: 1999,
        currency: "USD",
        imageUrl: null,
        active: false,
      }),
    ).toMatchObject({
      name: "Tea",
      slug: "tea",
      sku: "T-1",
      description: "Green",
      price: "19.99",
      imageUrl: "",
      active: false,
    });
    expect(productFormValues().active).toBe(true);
  });
});
