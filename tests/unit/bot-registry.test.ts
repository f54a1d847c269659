import { describe, expect, it } from "vitest";
import { BOT_INTENTS } from "@/lib/bot/registry";
import { pickIntent, runBot } from "@/lib/bot/run-bot";
import type { BotIntent } from "@/lib/bot/types";
import { botContext, matcha, tap, text } from "./bot-context";

function fixed(name: string, score: number): BotIntent {
  return {
    name,
    match: async () => score,
    reply: () => ({ intent: name, messages: [{ type: "text", text: name }] }),
  };
}

describe("registry", () => {
  it("has every intent once, with fallback last", () => {
    const names = BOT_INTENTS.map((intent) => intent.name);
    expect(names).toEqual([
      "catalog-order",
      "buy",
      "pay-now",
      "loyalty-pay",
      "cart",
      "product-inquiry",
      "loyalty-birthday",
      "hand-off",
      "loyalty",
      "faq",
      "purchase",
      "order-status",
      "catalog",
      "menu",
      "fallback",
    ]);
  });

  it("lets the highest score answer, and the earlier intent on a tie", async () => {
    const context = botContext(text("anything"));
    const intents = [fixed("low", 10), fixed("first-high", 50), fixed("second-high", 50)];
    expect((await pickIntent(context, intents)).name).toBe("first-high");
    expect((await runBot(context, [fixed("a", 5), fixed("b", 7)])).intent).toBe("b");
  });

  it("falls back when no intent scores above zero", async () => {
    const reply = await runBot(botContext(text("anything")), [fixed("never", 0)]);
    expect(reply.intent).toBe("fallback");
  });

  it("the fallback matches everything, with the lowest score", async () => {
    const fallback = BOT_INTENTS.at(-1)!;
    for (const inbound of [text("hi"), tap("menu:faq"), text("")]) {
      const score = await fallback.match(botContext(inbound));
      expect(score).toBeGreaterThan(0);
      for (const other of BOT_INTENTS.slice(0, -1)) {
        const otherScore = await other.match(botContext(inbound));
        if (otherScore > 0) expect(otherScore).toBeGreaterThan(score);
      }
    }
  });

  it("prefers a referred product over the greeting in the prefilled message", async () => {
    const context = {
      ...botContext(text("Hi! I'd like to know more about Matcha")),
      referredProduct: matcha,
    };
    expect((await runBot(context)).intent).toBe("product-inquiry");
    expect((await runBot(botContext(text("Hi! I'd like to know more about Matcha")))).intent).toBe(
      "menu",
    );
  });

  it.each([
    ["hi, where is my order?", "order-status"],
    ["hello, show me your products", "catalog"],
    ["I want to talk to a person about my order", "hand-off"],
    ["when will my order ship?", "faq"],
    ["こんにちは、注文した商品について", "order-status"],
  ])("ranks %j as %s", async (message, intent) => {
    expect((await runBot(botContext(text(message)))).intent).toBe(intent);
  });

  it("loads no products, orders or FAQs for a tapped menu button", async () => {
    const context = botContext(tap("menu"));
    await runBot(context);
    expect(context.calls).toEqual({ listProducts: 0, findProduct: 0, recentOrders: 0, faqs: 0 });
  });

  it("loads no products for a greeting, and FAQs only once per message", async () => {
    const greeting = botContext(text("hello"));
    await runBot(greeting);
    expect(greeting.calls.listProducts).toBe(0);
    expect(greeting.calls.findProduct).toBe(0);
    const question = botContext(text("shipping?"));
    expect((await runBot(question)).intent).toBe("faq");
    expect(question.calls.faqs).toBe(1);
  });
});
