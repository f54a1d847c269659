import { describe, expect, it } from "vitest";
import { findNamedProduct } from "@/lib/bot/product-match";
import { runBot } from "@/lib/bot/run-bot";
import type { BotProduct } from "@/lib/bot/types";
import { as, botContext, kettle, matcha, text } from "./bot-context";

const whisk: BotProduct = {
  id: "p-whisk",
  slug: "bamboo-whisk",
  name: "Bamboo Matcha Whisk (Chasen, 80 tines)",
  description: "Hand-carved from one piece of bamboo.",
  priceMinor: 3300,
  currency: "JPY",
  names: ["Bamboo Matcha Whisk (Chasen, 80 tines)"],
};

const jaMatcha: BotProduct = {
  id: "p-ja-matcha",
  slug: "uji-matcha",
  name: "宇治抹茶（30g）",
  description: "石臼挽きの抹茶です。",
  priceMinor: 3200,
  currency: "JPY",
  names: ["宇治抹茶（30g）"],
};

const jaKettle: BotProduct = {
  ...kettle,
  id: "p-ja-kettle",
  name: "南部鉄器の鉄瓶",
  names: ["南部鉄器の鉄瓶"],
};

describe("wanting to buy", () => {
  it.each([
    "I want to buy 2 of the whisk",
    "Can I buy two whisks?",
    "I'd like to order 2 whisks please",
  ])("%s → the whisk's card, not 'didn't catch that' nor the order status", async (message) => {
    const products = [matcha, kettle, whisk];
    const reply = await runBot(botContext(text(message), "en", { products }));
    expect(reply.intent).toBe("purchase");
    expect(reply.handOff).toBeFalsy();
    const card = as(reply.messages[0], "buttons");
    expect(card.body).toMatch(/^Bamboo Matcha Whisk \(Chasen, 80 tines\) — ¥3,300/);
    expect(card.buttons.map((button) => button.id)).toContain("menu:agent");
  });

  it("「抹茶を2つ買いたい」 → the matcha's card in Japanese", async () => {
    const products = [jaKettle, jaMatcha];
    const reply = await runBot(botContext(text("抹茶を2つ買いたい"), "ja", { products }));
    expect(reply.intent).toBe("purchase");
    const card = as(reply.messages[0], "buttons");
    expect(card.body).toMatch(/^宇治抹茶（30g） — ￥3,200/);
    expect(card.buttons.map((button) => button.title)).toEqual([
      "購入する",
      "ほかの商品",
      "担当者と話す",
    ]);
  });

  it("goes to a person when no product is named, in the shopper's language", async () => {
    const en = await runBot(botContext(text("I want to buy a teapot"), "en"));
    expect(en).toMatchObject({ intent: "purchase", handOff: true });
    expect(as(en.messages[0], "text").text).toBe(
      "Thanks! A person will reply here shortly to help you with your order.",
    );
    // The products' names are in English: 抹茶 names none of them.
    const ja = await runBot(botContext(text("抹茶を2つ買いたい"), "ja"));
    expect(ja).toMatchObject({ intent: "purchase", handOff: true });
    expect(as(ja.messages[0], "text").text).toMatch(/^ありがとうございます。ご注文について/);
  });

  it("goes to a person when several products are named equally, rather than guess", async () => {
    const products = [matcha, kettle, whisk];
    const reply = await runBot(botContext(text("I want to buy matcha"), "en", { products }));
    expect(reply).toMatchObject({ intent: "purchase", handOff: true });
  });

  it("says when a person will be back outside business hours", async () => {
    const reply = await runBot(
      botContext(text("I want to buy a teapot"), "en", {
        store: { isOpenNow: false, nextOpening: new Date("2025-03-04T00:00:00Z") },
      }),
    );
    expect(reply.handOff).toBe(true);
    expect(as(reply.messages[0], "text").text).toMatch(/away right now.*Tuesday 9:00/);
  });

  it("leaves 'where is my order' to the order status", async () => {
    const reply = await runBot(botContext(text("Where is my order?")));
    expect(reply.intent).toBe("order-status");
  });
});

describe("findNamedProduct", () => {
  const products = [matcha, kettle, whisk];

  it("prefers the product whose whole name is written", () => {
    expect(findNamedProduct("Is the Matcha tea set in stock?", products)).toBe(matcha);
  });

  it("reads plurals and full-width letters", () => {
    expect(findNamedProduct("two KETTLES", products)).toBe(kettle);
    expect(findNamedProduct("ｗｈｉｓｋ", products)).toBe(whisk);
  });

  it("is not fooled by common words, particles or short words", () => {
    expect(findNamedProduct("the set for a gift", products)).toBeNull();
    expect(findNamedProduct("の", [jaKettle])).toBeNull();
    expect(findNamedProduct("I want 1.2 of it", products)).toBeNull();
  });
});
