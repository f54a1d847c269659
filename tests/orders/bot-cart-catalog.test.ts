import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { conversations, orders, products } from "@/db/schema";
import { setQuantity } from "@/lib/cart/cart";
import { createOrder } from "@/lib/orders/create-order";
import { continueInWhatsApp, fullCart } from "../cart/handoff-helpers";
import { customerMessage, deliverAndApply, freshWaId } from "../processing/helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { nextWamid } from "../whatsapp/fixtures";
import {
  APP,
  createOrderStore,
  type OrderStore,
  ordersOf,
  restoreEnv,
  say,
  send,
  tapButton,
  tapRow,
  thread,
  usePaymentEnv,
} from "./bot-order-helpers";

const getDb = setupTestDatabase();
let shop: OrderStore;

beforeAll(async () => {
  shop = await createOrderStore(getDb());
});
beforeEach(() => usePaymentEnv());
afterAll(() => restoreEnv());

describe(`the cart's Pay now [${testDbBackend}]`, () => {
  it("orders the cart's current contents at current prices, and re-sends the link on a second tap", async () => {
    const waId = freshWaId();
    const cart = await fullCart(getDb(), shop);
    const [summary] = await send(
      getDb(),
      shop,
      waId,
      say(await continueInWhatsApp(getDb(), shop, cart, "en")),
    );
    expect(summary).toMatchObject({ intent: "cart", type: "buttons" });
    expect(summary!.body).toContain("Tap Pay now for a secure payment link");
    const payNow = (summary!.content as { buttons: { id: string; title: string }[] }).buttons[0]!;
    expect(payNow).toEqual({ id: `paynow:${cart.id}`, title: "Pay now" });

    // The cart changes after the summary: the order takes it as it is now.
    await setQuantity(getDb(), cart, shop.matcha.id, 3);
    await getDb().update(products).set({ priceMinor: 3000 }).where(eq(products.id, shop.bowl.id));
    try {
      const paid = await send(getDb(), shop, waId, tapButton(payNow.id, payNow.title));
      const found = await ordersOf(getDb(), shop, waId);
      expect(found).toHaveLength(1);
      const { order, items, link } = found[0]!;
      expect(order).toMatchObject({
        origin: "cart",
        cartId: cart.id,
        source: "cart",
        totalMinor: 3 * 3200 + 3000,
      });
      expect(items.map((item) => [item.name, item.quantity, item.unitPriceMinor]).sort()).toEqual([
        ["Tea Bowl", 1, 3000],
        ["Uji Matcha", 3, 3200],
      ]);
      expect(paid.at(-1)).toMatchObject({
        type: "cta_url",
        intent: "pay-now",
        dedupeKey: `order:${order.id}:link:1`,
      });
      expect(paid.at(-1)!.content).toMatchObject({ url: `${APP}/pay/${link!.token}` });

      const again = await send(getDb(), shop, waId, tapButton(payNow.id, payNow.title));
      expect(await ordersOf(getDb(), shop, waId)).toHaveLength(1);
      expect(again.at(-1)).toMatchObject({ dedupeKey: `order:${order.id}:link:2` });
    } finally {
      await getDb().update(products).set({ priceMinor: 8800 }).where(eq(products.id, shop.bowl.id));
    }
  });

  it("never orders another customer's cart from a forwarded Pay now id", async () => {
    const cart = await fullCart(getDb(), shop);
    const owner = freshWaId();
    await send(getDb(), shop, owner, say(await continueInWhatsApp(getDb(), shop, cart, "en")));
    const stranger = freshWaId();
    await send(getDb(), shop, stranger, say("hi"));
    const replies = await send(getDb(), shop, stranger, tapButton(`paynow:${cart.id}`, "Pay now"));
    expect(replies[0]?.body).toMatch(/can't be ordered any more/);
    expect(await ordersOf(getDb(), shop, stranger)).toEqual([]);
  });
});

describe(`a native WhatsApp catalog cart [${testDbBackend}]`, () => {
  it("is answered with the order at OUR prices and its link; an unknown SKU is named and left out", async () => {
    const waId = freshWaId();
    const order = {
      catalog_id: "cat-1",
      product_items: [
        // WhatsApp's price is not ours: the order takes the database's ¥3,200.
        { product_retailer_id: shop.matcha.sku, quantity: 2, item_price: 1, currency: "JPY" },
        { product_retailer_id: "NOT-OURS", quantity: 1, item_price: 500, currency: "JPY" },
      ],
    };
    await deliverAndApply(getDb(), customerMessage(shop, waId, nextWamid(), "order", { order }));
    const replies = await thread(getDb(), shop, waId);
    const found = await ordersOf(getDb(), shop, waId);
    expect(found).toHaveLength(1);
    expect(found[0]!.order).toMatchObject({ origin: "catalog", totalMinor: 6400 });
    expect(found[0]!.items).toMatchObject([{ productId: shop.matcha.id, quantity: 2 }]);
    expect(replies[0]).toMatchObject({ intent: "catalog-order", type: "buttons" });
    expect(replies[0]!.body).toContain("NOT-OURS");
    expect(replies[0]!.body).toContain("pay for the rest below, or talk to a person");
    expect(replies[0]!.content).toMatchObject({ buttons: [{ id: "menu:agent" }] });
    expect(replies[1]).toMatchObject({ type: "cta_url", intent: "catalog-order" });
    expect(replies[1]!.content).toMatchObject({
      url: `${APP}/pay/${found[0]!.link!.token}`,
    });
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.id, found[0]!.order.conversationId!));
    expect(conversation?.status).toBe("bot");
  });

  it("is handed to a person as before when nothing matches", async () => {
    const waId = freshWaId();
    const order = {
      catalog_id: "cat-1",
      product_items: [
        { product_retailer_id: "NOT-OURS", quantity: 1, item_price: 500, currency: "JPY" },
      ],
    };
    await deliverAndApply(getDb(), customerMessage(shop, waId, nextWamid(), "order", { order }));
    expect(await ordersOf(getDb(), shop, waId)).toEqual([]);
    const [reply] = await thread(getDb(), shop, waId);
    expect(reply?.body).toContain("NOT-OURS");
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.id, reply!.conversationId));
    expect(conversation?.status).toBe("agent");
  });
});

describe(`"My orders" [${testDbBackend}]`, () => {
  it("shows each status, tracking, partial refunds, and a Pay button for the newest unpaid order", async () => {
    const waId = freshWaId();
    await send(getDb(), shop, waId, say("hi"));
    const [customerRow] = await ordersOf(getDb(), shop, waId);
    expect(customerRow).toBeUndefined();
    const base = new Date("2026-01-10T03:00:00Z").getTime();
    const make = async (minutes: number, quantity: number) => {
      const made = await createOrder(getDb(), {
        storeId: shop.store.id,
        customerId: (await thread(getDb(), shop, waId))[0]!.customerId!,
        conversationId: null,
        origin: "bot",
        lines: [{ productId: shop.matcha.id, quantity }],
        language: "en",
        now: new Date(base + minutes * 60_000),
      });
      if (!made.ok) throw new Error(made.reason);
      return made;
    };
    const older = await make(0, 1);
    const shipped = await make(1, 2);
    const partly = await make(2, 3);
    const refunded = await make(3, 4);
    const newest = await make(4, 5);
    const set = (id: string, values: Partial<typeof orders.$inferInsert>) =>
      getDb().update(orders).set(values).where(eq(orders.id, id));
    await set(shipped.order.id, {
      status: "paid",
      fulfillmentStatus: "shipped",
      trackingUrl: "https://track.example/123",
    });
    await set(partly.order.id, { status: "paid", refundedMinor: 1000 });
    await set(refunded.order.id, { status: "refunded", refundedMinor: 12800 });

    const [mine] = await send(getDb(), shop, waId, tapRow("menu:orders", "My orders"));
    expect(mine).toMatchObject({ type: "cta_url", intent: "order-status" });
    const lines = mine!.body.split("\n");
    expect(lines.slice(1, 7)).toEqual([
      `#${newest.order.number} · Awaiting payment · ¥16,000 · Jan 10, 2026`,
      `#${refunded.order.number} · Refunded · ¥12,800 · Jan 10, 2026`,
      `#${partly.order.number} · Partly refunded (¥1,000) · ¥9,600 · Jan 10, 2026`,
      `#${shipped.order.number} · Shipped · ¥6,400 · Jan 10, 2026`,
      "Tracking: https://track.example/123",
      `#${older.order.number} · Awaiting payment · ¥3,200 · Jan 10, 2026`,
    ]);
    expect(mine!.content).toMatchObject({
      displayText: "Pay ¥16,000",
      url: `${APP}/pay/${newest.link.token}`,
    });

    await set(newest.order.id, { status: "cancelled" });
    await set(older.order.id, { status: "paid", fulfillmentStatus: "delivered" });
    const [later] = await send(getDb(), shop, waId, tapRow("menu:orders", "My orders"));
    expect(later?.type).toBe("text");
    expect(later?.body).toContain(`#${newest.order.number} · Cancelled`);
    expect(later?.body).toContain(`#${older.order.number} · Delivered`);
  });
});
