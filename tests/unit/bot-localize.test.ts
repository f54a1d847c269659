import { describe, expect, it } from "vitest";
import { type StoredBotProduct, toBotCart, toBotProduct, toBotProducts } from "@/lib/bot/localize";
import { runBot } from "@/lib/bot/run-bot";
import type { CartLine, CartWithTotals } from "@/lib/cart/cart";
import { as, botContext, rowIds, tap, text } from "./bot-context";

/** A store whose catalogue is written in English, with Japanese and Korean names for some. */
const whisk: StoredBotProduct = {
  id: "p-whisk",
  slug: "bamboo-whisk",
  name: "Bamboo whisk",
  description: "Hand-carved from one piece of bamboo.",
  priceMinor: 3300,
  currency: "JPY",
  translations: {
    ja: { name: "茶筅", description: "一本の竹から削り出しました。" },
    ko: { name: "차선" },
  },
};
const bowl: StoredBotProduct = {
  id: "p-bowl",
  slug: "tea-bowl",
  name: "Tea bowl",
  description: "Handmade in Kyoto.",
  priceMinor: 8800,
  currency: "JPY",
  translations: { ja: { name: "お茶碗" } },
};
const scoop: StoredBotProduct = {
  id: "p-scoop",
  slug: "scoop",
  name: "Aardvark scoop",
  description: "Untranslated.",
  priceMinor: 1200,
  currency: "JPY",
  translations: {},
};
const stored = [whisk, bowl, scoop];

describe("products in the conversation's language", () => {
  it("shows the translated name and description, falling back to the defaults", () => {
    expect(toBotProduct(whisk, "ja")).toMatchObject({
      name: "茶筅",
      description: "一本の竹から削り出しました。",
      names: ["茶筅", "Bamboo whisk", "차선"],
    });
    // A name without a description: the default description.
    expect(toBotProduct(whisk, "ko")).toMatchObject({
      name: "차선",
      description: "Hand-carved from one piece of bamboo.",
    });
    expect(toBotProduct(whisk, "zh-Hans").name).toBe("Bamboo whisk");
    expect(toBotProduct(scoop, "ja")).toMatchObject({
      name: "Aardvark scoop",
      names: ["Aardvark scoop"],
    });
    // Translations that do not validate never break a reply.
    expect(toBotProduct({ ...whisk, translations: "oops" }, "ja").name).toBe("Bamboo whisk");
  });

  it("lists the catalog with the shopper's names, sorted as they read", async () => {
    const products = toBotProducts(stored, "ja");
    const reply = await runBot(botContext(tap("catalog"), "ja", { products }));
    const list = as(reply.messages[0], "list");
    const titles = list.sections.flatMap((section) => section.rows.map((row) => row.title));
    expect(titles).toEqual(["Aardvark scoop", "お茶碗", "茶筅"]);
    expect(rowIds(reply.messages[0])).toContain("product:p-whisk");
  });

  it("「茶筅を2つ買いたい」 finds the whisk by its Japanese name and shows its card in Japanese", async () => {
    const products = toBotProducts(stored, "ja");
    const reply = await runBot(botContext(text("茶筅を2つ買いたい"), "ja", { products }));
    expect(reply).toMatchObject({ intent: "purchase" });
    expect(reply.handOff).toBeFalsy();
    expect(as(reply.messages[0], "buttons").body).toBe(
      "茶筅 — ￥3,300\n\n一本の竹から削り出しました。",
    );
  });

  it("finds a product by its default name in a Japanese conversation, and by its Japanese name in English", async () => {
    const ja = await runBot(
      botContext(text("Bamboo whiskを買いたい"), "ja", { products: toBotProducts(stored, "ja") }),
    );
    expect(as(ja.messages[0], "buttons").body).toMatch(/^茶筅 — /);
    const en = await runBot(
      botContext(text("I want to buy お茶碗"), "en", { products: toBotProducts(stored, "en") }),
    );
    expect(as(en.messages[0], "buttons").body).toMatch(/^Tea bowl — ¥8,800/);
  });

  it("names the referred cart's lines in the conversation's language", () => {
    const line = (product: StoredBotProduct, quantity: number): CartLine => ({
      productId: product.id,
      slug: product.slug,
      name: product.name,
      translations: product.translations,
      imageUrl: null,
      quantity,
      unitPriceMinor: product.priceMinor,
      lineTotalMinor: product.priceMinor * quantity,
      available: product !== scoop,
    });
    const cart = {
      cart: { id: "cart-1" },
      currency: "JPY",
      lines: [line(whisk, 2), line(bowl, 1), line(scoop, 1)],
      subtotalMinor: 15400,
    } as CartWithTotals;
    expect(toBotCart({ status: "attached", cart }, "ja")).toEqual({
      status: "open",
      cartId: "cart-1",
      currency: "JPY",
      totalMinor: 15400,
      lines: [
        { name: "茶筅", quantity: 2, lineTotalMinor: 6600 },
        { name: "お茶碗", quantity: 1, lineTotalMinor: 8800 },
      ],
    });
    expect(toBotCart({ status: "attached", cart }, "en")).toMatchObject({
      lines: [{ name: "Bamboo whisk" }, { name: "Tea bowl" }],
    });
    expect(toBotCart({ status: "unavailable" }, "ja")).toEqual({ status: "unavailable" });
    expect(toBotCart(null, "ja")).toBeNull();
  });
});
