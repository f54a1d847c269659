import { describe, expect, it } from "vitest";
import { limitViolations, WHATSAPP_LIMITS } from "@/lib/bot/limits";
import { runBot } from "@/lib/bot/run-bot";
import type { BotCart } from "@/lib/bot/types";
import { as, botContext, text } from "./bot-context";

const cart: BotCart = {
  status: "open",
  cartId: "cart-1",
  currency: "JPY",
  totalMinor: 2 * 2800 + 15400,
  lines: [
    { name: "Matcha tea set", quantity: 2, lineTotalMinor: 5600 },
    { name: "Nambu cast-iron kettle", quantity: 1, lineTotalMinor: 15400 },
  ],
};

const EN_PREFILL = "Hi! I'd like to order the items in my cart (ref K7Q2M)";
const JA_PREFILL = "こんにちは。カートの商品を注文したいです (ref K7Q2M)";

describe("the storefront cart's hand-off", () => {
  it("answers the cart's prefilled text with the cart, not with the order status", async () => {
    const reply = await runBot({ ...botContext(text(EN_PREFILL)), referredCart: cart });
    expect(reply.intent).toBe("cart");
    expect(reply.handOff).toBeFalsy();
    const message = as(reply.messages[0], "buttons");
    expect(message.body).toBe(
      [
        "Your cart:",
        "2 × Matcha tea set — ¥5,600",
        "1 × Nambu cast-iron kettle — ¥15,400",
        "Total: ¥21,000",
        "",
        "Tap Pay now for a secure payment link, or talk to a person.",
      ].join("\n"),
    );
    expect(message.buttons).toEqual([
      { id: "paynow:cart-1", title: "Pay now" },
      { id: "menu:agent", title: "Talk to a person" },
      { id: "catalog", title: "More products" },
    ]);
  });

  it("offers no Pay now when the store cannot take payment: a person helps", async () => {
    const context = { ...botContext(text(EN_PREFILL)), paymentsAvailable: async () => false };
    const reply = await runBot({ ...context, referredCart: cart });
    const message = as(reply.messages[0], "buttons");
    expect(message.body).toMatch(/\n\nTap below and a person from our team will help you/);
    expect(message.buttons.map((button) => button.id)).toEqual(["menu:agent", "catalog"]);
  });

  it("speaks Japanese with the yen as ja-JP writes it", async () => {
    const reply = await runBot({ ...botContext(text(JA_PREFILL), "ja"), referredCart: cart });
    expect(reply.intent).toBe("cart");
    const message = as(reply.messages[0], "buttons");
    expect(message.body.split("\n").slice(0, 4)).toEqual([
      "カートの商品：",
      "Matcha tea set × 2　￥5,600",
      "Nambu cast-iron kettle × 1　￥15,400",
      "合計：￥21,000",
    ]);
    expect(message.buttons.map((button) => button.title)).toEqual([
      "今すぐ支払う",
      "担当者と話す",
      "ほかの商品",
    ]);
  });

  it("formats the total in the store's currency, with its minor units", async () => {
    const usd: BotCart = {
      status: "open",
      cartId: "cart-4",
      currency: "USD",
      totalMinor: 2598,
      lines: [{ name: "Bamboo whisk", quantity: 2, lineTotalMinor: 2598 }],
    };
    const reply = await runBot({ ...botContext(text(EN_PREFILL)), referredCart: usd });
    expect(as(reply.messages[0], "buttons").body).toContain(
      "2 × Bamboo whisk — $25.98\nTotal: $25.98",
    );
  });

  it("says an empty cart is empty, and a cart it cannot show cannot be shown", async () => {
    const empty: BotCart = {
      status: "open",
      cartId: "cart-2",
      currency: "JPY",
      totalMinor: 0,
      lines: [],
    };
    const emptyReply = await runBot({ ...botContext(text(EN_PREFILL)), referredCart: empty });
    expect(emptyReply.intent).toBe("cart");
    expect(as(emptyReply.messages[0], "buttons").body).toMatch(/^Your cart is empty\./);
    const gone = await runBot({
      ...botContext(text(EN_PREFILL)),
      referredCart: { status: "unavailable" },
    });
    expect(gone.intent).toBe("cart");
    expect(as(gone.messages[0], "buttons").body).toMatch(/can't show that cart/);
  });

  it("fits a long cart in one message, counting the lines left out", async () => {
    const lines = Array.from({ length: 40 }, (_, index) => ({
      name: `Hand-thrown tea bowl, glaze number ${index + 1}`,
      quantity: 1,
      lineTotalMinor: 8800,
    }));
    const big: BotCart = {
      status: "open",
      cartId: "cart-3",
      currency: "JPY",
      totalMinor: 40 * 8800,
      lines,
    };
    const reply = await runBot({ ...botContext(text(EN_PREFILL)), referredCart: big });
    const message = as(reply.messages[0], "buttons");
    expect(message.body.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.body);
    expect(limitViolations(message)).toEqual([]);
    expect(message.body).toMatch(/\n…and \d+ more\nTotal: ¥352,000\n/);
    const shown = message.body.split("\n").filter((line) => line.startsWith("1 × ")).length;
    expect(message.body).toContain(`…and ${40 - shown} more`);
  });

  it("leaves the words alone without a cart: the order status still answers 'my order'", async () => {
    const reply = await runBot(botContext(text("Where is my order?")));
    expect(reply.intent).toBe("order-status");
  });
});
