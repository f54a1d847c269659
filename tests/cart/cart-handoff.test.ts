import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Cart, carts, conversations } from "@/db/schema";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type ChatStoreFixture, createChatStore } from "../whatsapp/fixtures";
import {
  fullCart as cartOf,
  continueInWhatsApp as linkText,
  sendAsShopper,
} from "./handoff-helpers";

const getDb = setupTestDatabase();
let shop: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
});

const fullCart = () => cartOf(getDb(), shop);
const continueInWhatsApp = (cart: Cart, lang: "en" | "ja") => linkText(getDb(), shop, cart, lang);
const send = (waId: string, text: string) => sendAsShopper(getDb(), shop, waId, text);

async function cartRow(id: string) {
  const [row] = await getDb().select().from(carts).where(eq(carts.id, id));
  return row;
}

describe(`the cart's hand-off to WhatsApp [${testDbBackend}]`, () => {
  it("answers the cart's first message with the cart and attaches it to the customer", async () => {
    const cart = await fullCart();
    const text = await continueInWhatsApp(cart, "en");
    expect(text).toMatch(/^Hi! I'd like to order the items in my cart \(ref [A-Z0-9]{5}\)$/);

    const { customer, replies } = await send("819000100001", text);
    const [answer, consent] = replies;
    expect(answer).toMatchObject({ intent: "cart", type: "buttons", status: "queued" });
    expect(answer?.content).toMatchObject({
      type: "buttons",
      body: [
        "Your cart:",
        "2 × Uji Matcha — ¥6,400",
        "1 × Tea Bowl — ¥8,800",
        "Total: ¥15,200",
        "",
        "Tap Pay now for a secure payment link, or talk to a person.",
      ].join("\n"),
      buttons: [
        { id: `paynow:${cart.id}`, title: "Pay now" },
        { id: "menu:agent", title: "Talk to a person" },
        { id: "catalog", title: "More products" },
      ],
    });
    expect(consent?.intent).toBe("cart"); // the consent question follows, once
    expect(replies.map((reply) => reply.body).join("\n")).not.toMatch(/any orders/);

    expect((await cartRow(cart.id))?.customerId).toBe(customer.id);
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.customerId, customer.id));
    expect(conversation?.source).toBe("cart");
  });

  it("answers in the storefront's language: Japanese from a Japanese cart page", async () => {
    const text = await continueInWhatsApp(await fullCart(), "ja");
    expect(text).toMatch(/カートの商品を注文したいです \(ref [A-Z0-9]{5}\)$/);
    const { replies } = await send("819000100002", text);
    expect(replies[0]?.intent).toBe("cart");
    expect(replies[0]?.body).toMatch(/^カートの商品：\nUji Matcha × 2　￥6,400\n/);
    expect(replies[0]?.body).toContain("合計：￥15,200");
  });

  it("never shows a cart attached to one customer to another who sends its ref", async () => {
    const cart = await fullCart();
    const text = await continueInWhatsApp(cart, "en");
    const first = await send("819000100003", text);
    const second = await send("819000100004", text);
    expect(second.replies[0]?.intent).toBe("cart");
    expect(second.replies[0]?.body).toMatch(/can't show that cart/);
    expect(second.replies[0]?.body).not.toContain("Uji Matcha");
    expect((await cartRow(cart.id))?.customerId).toBe(first.customer.id);

    // The owner of the cart sending its ref again sees it again.
    const again = await send("819000100003", text);
    expect(again.replies.at(-1)?.body).toContain("Total: ¥15,200");
  });

  it("attaches the cart while a person has the chat, and the bot stays silent", async () => {
    const waId = "819000100006";
    const handedOff = await send(waId, "I'd like to talk to a person");
    expect(handedOff.replies[0]?.intent).toBe("hand-off");
    const cart = await fullCart();
    const { customer, replies } = await send(waId, await continueInWhatsApp(cart, "en"));
    expect(replies.map((reply) => reply.intent)).not.toContain("cart");
    expect((await cartRow(cart.id))?.customerId).toBe(customer.id);
  });

  it("does not show a cart that was ordered already", async () => {
    const cart = await fullCart();
    const text = await continueInWhatsApp(cart, "en");
    await getDb().update(carts).set({ status: "converted" }).where(eq(carts.id, cart.id));
    const { replies } = await send("819000100005", text);
    expect(replies[0]?.body).toMatch(/can't show that cart/);
    expect((await cartRow(cart.id))?.customerId).toBeNull();
  });
});
