import { describe, expect, it } from "vitest";
import {
  addToCartSchema,
  formFields,
  readStorefrontError,
  setQuantitySchema,
  storefrontFormSchema,
} from "@/lib/storefront/cart-forms";
import {
  cartChatHref,
  productChatHref,
  storefrontCookiePath,
  storefrontHref,
} from "@/lib/storefront/links";
import { formatCount } from "@/lib/storefront/plural";
import { messagesFor } from "@/lib/i18n/messages";

describe("storefront links", () => {
  it("builds storefront paths, carrying only a language picked in the URL", () => {
    expect(storefrontHref.catalog("demo")).toBe("/s/demo");
    expect(storefrontHref.catalog("demo", { lang: "ja" })).toBe("/s/demo?lang=ja");
    expect(storefrontHref.product("demo", "uji-matcha", { lang: "zh-Hans", added: true })).toBe(
      "/s/demo/p/uji-matcha?lang=zh-Hans&added=1",
    );
    expect(storefrontHref.cart("demo", { error: "quantity" })).toBe("/s/demo/cart?error=quantity");
    expect(storefrontHref.product("demo", "a b/c")).toBe("/s/demo/p/a%20b%2Fc");
    expect(storefrontCookiePath("demo")).toBe("/s/demo");
  });

  it("sends 'Chat to buy' and 'Continue in WhatsApp' through the tracked redirect", () => {
    const chat = new URL(productChatHref("demo", "uji-matcha", "ja"), "https://x.test");
    expect(chat.pathname).toBe("/go/demo");
    expect(Object.fromEntries(chat.searchParams)).toEqual({
      src: "product_button",
      product: "uji-matcha",
      lang: "ja",
    });
    const token = "A".repeat(40) + "_-z";
    const cart = new URL(cartChatHref("demo", token, "ko"), "https://x.test");
    expect(cart.pathname).toBe("/go/demo");
    expect(Object.fromEntries(cart.searchParams)).toEqual({ src: "cart", cart: token, lang: "ko" });
  });
});

describe("storefront plurals", () => {
  const { itemCount } = messagesFor("en").storefront;
  it("uses the language's plural rules and number format", () => {
    expect(formatCount("en", 1, itemCount)).toBe("1 item");
    expect(formatCount("en", 0, itemCount)).toBe("0 items");
    expect(formatCount("en", 1200, itemCount)).toBe("1,200 items");
    expect(formatCount("ja", 1, messagesFor("ja").storefront.itemCount)).toBe("1点");
  });
});

describe("cart forms", () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.append(key, value);
    return data;
  };

  it("accepts quantities from 1 to 99 only", () => {
    for (const quantity of ["1", "42", "99"])
      expect(addToCartSchema.safeParse({ product: "tea", quantity }).success).toBe(true);
    for (const quantity of ["0", "-1", "100", "1.5", "abc", ""])
      expect(addToCartSchema.safeParse({ product: "tea", quantity }).success, quantity).toBe(false);
  });

  it("wants a product id to change a line, and ignores a price or total in the form", () => {
    expect(setQuantitySchema.safeParse({ product: "tea", quantity: "2" }).success).toBe(false);
    const parsed = setQuantitySchema.parse({
      product: "5b0e6f3c-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
      quantity: "2",
      priceMinor: "1",
    });
    expect(parsed).toEqual({ product: "5b0e6f3c-1a2b-4c3d-8e9f-0a1b2c3d4e5f", quantity: 2 });
  });

  it("reads the first value of each field and maps the language leniently", () => {
    expect(formFields(form({ store: "demo", lang: "ja" }))).toEqual({ store: "demo", lang: "ja" });
    const data = form({ store: "demo" });
    data.append("store", "other");
    expect(formFields(data).store).toBe("demo");
    expect(storefrontFormSchema.parse({ store: "demo", lang: "zh-CN" }).lang).toBe("zh-Hans");
    expect(storefrontFormSchema.parse({ store: "demo", lang: "xx" }).lang).toBeUndefined();
    expect(storefrontFormSchema.safeParse({ lang: "ja" }).success).toBe(false);
  });

  it("knows only its own error codes", () => {
    expect(readStorefrontError("quantity")).toBe("quantity");
    expect(readStorefrontError("<b>boom</b>")).toBeUndefined();
    expect(readStorefrontError(undefined)).toBeUndefined();
  });
});
