import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { conversations, orderItems, orders, paymentLinks, products, stores } from "@/db/schema";
import { createOrder } from "@/lib/orders/create-order";
import { PAYMENT_TOKEN_PATTERN } from "@/lib/payments/payment-link";
import { sendAsShopper } from "../cart/handoff-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type ChatStoreFixture, createChatStore } from "../whatsapp/fixtures";

const getDb = setupTestDatabase();
let shop: ChatStoreFixture;
let customerId: string;
let conversationId: string;
let waCounter = 0;

async function newShopperConversation(text: string) {
  waCounter += 1;
  const { customer } = await sendAsShopper(
    getDb(),
    shop,
    `81900020${String(waCounter).padStart(4, "0")}`,
    text,
  );
  const [conversation] = await getDb()
    .select()
    .from(conversations)
    .where(eq(conversations.customerId, customer.id));
  return { customer, conversation: conversation! };
}

beforeAll(async () => {
  shop = await createChatStore(getDb());
  const { customer, conversation } = await newShopperConversation(`Hello (ref ${shop.click.ref})`);
  customerId = customer.id;
  conversationId = conversation.id;
});

const base = () => ({
  storeId: shop.store.id,
  customerId,
  conversationId,
  origin: "bot" as const,
  language: "ja",
  now: new Date(),
});

describe(`createOrder [${testDbBackend}]`, () => {
  it("prices lines from the database, inherits the conversation's attribution and makes one link", async () => {
    const result = await createOrder(getDb(), {
      ...base(),
      lines: [
        { productId: shop.matcha.id, quantity: 2 },
        { productId: shop.bowl.id, quantity: 1 },
        { productId: shop.matcha.id, quantity: 1 },
      ],
    });
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(result.order).toMatchObject({
      status: "pending",
      currency: "JPY",
      subtotalMinor: 3 * 3200 + 8800,
      discountMinor: 0,
      totalMinor: 3 * 3200 + 8800,
      source: "desktop_qr",
      clickId: shop.click.id,
      productId: shop.matcha.id,
      ref: shop.click.ref,
      conversationId,
      language: "ja",
      origin: "bot",
    });
    expect(result.order.number).toMatch(/^CS-\d+$/);
    const items = await getDb()
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, result.order.id));
    expect(
      items
        .map((item) => [item.name, item.quantity, item.unitPriceMinor, item.lineTotalMinor])
        .sort(),
    ).toEqual([
      ["Tea Bowl", 1, 8800, 8800],
      ["Uji Matcha", 3, 3200, 9600],
    ]);
    const links = await getDb()
      .select()
      .from(paymentLinks)
      .where(eq(paymentLinks.orderId, result.order.id));
    expect(links).toHaveLength(1);
    expect(links[0]!.token).toMatch(PAYMENT_TOKEN_PATTERN);
  });

  it("keeps its snapshot when the product's price changes or it is deactivated later", async () => {
    const result = await createOrder(getDb(), {
      ...base(),
      lines: [{ productId: shop.bowl.id, quantity: 1 }],
    });
    if (!result.ok) throw new Error(result.reason);
    await getDb()
      .update(products)
      .set({ priceMinor: 9900, active: false })
      .where(eq(products.id, shop.bowl.id));
    const [order] = await getDb().select().from(orders).where(eq(orders.id, result.order.id));
    const [item] = await getDb()
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, result.order.id));
    expect(order!.totalMinor).toBe(8800);
    expect(item!.unitPriceMinor).toBe(8800);
    await getDb()
      .update(products)
      .set({ priceMinor: 8800, active: true })
      .where(eq(products.id, shop.bowl.id));
  });

  it.each([0, -1, 100, 1.5, Number.NaN])(
    "refuses quantity %s and writes nothing",
    async (quantity) => {
      const before = await getDb().select().from(orders).where(eq(orders.storeId, shop.store.id));
      const result = await createOrder(getDb(), {
        ...base(),
        lines: [{ productId: shop.matcha.id, quantity }],
      });
      expect(result).toMatchObject({ ok: false, reason: "bad_quantity" });
      const after = await getDb().select().from(orders).where(eq(orders.storeId, shop.store.id));
      expect(after).toHaveLength(before.length);
    },
  );

  it("refuses an empty order, inactive products and another store's products", async () => {
    expect(await createOrder(getDb(), { ...base(), lines: [] })).toMatchObject({
      ok: false,
      reason: "empty",
    });
    const other = await createChatStore(getDb());
    const foreign = await createOrder(getDb(), {
      ...base(),
      lines: [
        { productId: shop.matcha.id, quantity: 1 },
        { productId: other.matcha.id, quantity: 1 },
      ],
    });
    expect(foreign).toEqual({
      ok: false,
      reason: "unavailable_products",
      productIds: [other.matcha.id],
    });
    await getDb().update(products).set({ active: false }).where(eq(products.id, shop.bowl.id));
    const inactive = await createOrder(getDb(), {
      ...base(),
      lines: [{ productId: shop.bowl.id, quantity: 1 }],
    });
    expect(inactive).toMatchObject({ ok: false, reason: "unavailable_products" });
    await getDb().update(products).set({ active: true }).where(eq(products.id, shop.bowl.id));
  });

  it("is unattributed without a conversation, and never borrows another store's conversation", async () => {
    const other = await createChatStore(getDb());
    const result = await createOrder(getDb(), {
      ...base(),
      storeId: other.store.id,
      conversationId,
      lines: [{ productId: other.matcha.id, quantity: 1 }],
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.order).toMatchObject({
      source: "unattributed",
      conversationId: null,
      clickId: null,
    });
  });

  it("hands out distinct, increasing numbers to concurrent orders of one store", async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, () =>
        getDb().transaction((tx) =>
          createOrder(tx, { ...base(), lines: [{ productId: shop.matcha.id, quantity: 1 }] }),
        ),
      ),
    );
    const numbers = created.map((result) => (result.ok ? result.order.number : "refused"));
    expect(new Set(numbers).size).toBe(12);
    const [store] = await getDb().select().from(stores).where(eq(stores.id, shop.store.id));
    const sequences = numbers.map((number) => Number(number.split("-")[1]));
    expect(Math.max(...sequences)).toBe(store!.lastOrderSequence);
  });
});
