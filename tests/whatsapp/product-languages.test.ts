import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { products } from "@/db/schema";
import { fullCart, continueInWhatsApp as linkText, sendAsShopper } from "../cart/handoff-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type ChatStoreFixture, createChatStore } from "./fixtures";

const getDb = setupTestDatabase();
let shop: ChatStoreFixture;

/** An English-default store whose products also have Japanese names. */
beforeAll(async () => {
  shop = await createChatStore(getDb());
  await getDb()
    .update(products)
    .set({ translations: { ja: { name: "宇治抹茶", description: "濃茶用の抹茶です。" } } })
    .where(eq(products.id, shop.matcha.id));
  await getDb()
    .update(products)
    .set({ translations: { ja: { name: "抹茶碗" } } })
    .where(eq(products.id, shop.bowl.id));
});

const send = (waId: string, text: string) => sendAsShopper(getDb(), shop, waId, text);

describe(`the bot names products in the shopper's language [${testDbBackend}]`, () => {
  it("「抹茶碗を2つ買いたい」 finds the bowl by its Japanese name and shows its card in Japanese", async () => {
    const { replies } = await send("819000200001", "抹茶碗を2つ買いたい");
    expect(replies[0]).toMatchObject({ intent: "purchase", type: "buttons" });
    // No Japanese description: the default one.
    expect(replies[0]?.body).toBe("抹茶碗 — ￥8,800\n\nHandmade");
  });

  it("lists the catalog with the Japanese names, and in English for an English shopper", async () => {
    const rowsTitled = (titles: string[]) => ({
      type: "list",
      sections: [{ rows: titles.map((title) => expect.objectContaining({ title })) }],
    });
    const ja = await send("819000200002", "商品を見せてください");
    const jaList = ja.replies.find((reply) => reply.intent === "catalog");
    expect(jaList?.content).toMatchObject(rowsTitled(["宇治抹茶", "抹茶碗"]));

    const en = await send("14155550201", "show me your products please");
    const enList = en.replies.find((reply) => reply.intent === "catalog");
    expect(enList?.content).toMatchObject(rowsTitled(["Tea Bowl", "Uji Matcha"]));
  });

  it("shows a Japanese cart page's cart with the Japanese names", async () => {
    const text = await linkText(getDb(), shop, await fullCart(getDb(), shop), "ja");
    const { replies } = await send("819000200003", text);
    expect(replies[0]?.intent).toBe("cart");
    expect(replies[0]?.body).toMatch(
      /^カートの商品：\n宇治抹茶 × 2　￥6,400\n抹茶碗 × 1　￥8,800\n/,
    );
  });
});
