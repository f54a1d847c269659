import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { conversations, events, outbox, products } from "@/db/schema";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { freshWaId } from "../processing/helpers";
import {
  APP,
  createOrderStore,
  type OrderStore,
  ordersOf,
  restoreEnv,
  say,
  scanQr,
  send,
  tapButton,
  tapRow,
  usePaymentEnv,
} from "./bot-order-helpers";

const getDb = setupTestDatabase();
let shop: OrderStore;

beforeAll(async () => {
  shop = await createOrderStore(getDb());
});
beforeEach(() => usePaymentEnv());
afterAll(() => restoreEnv());

/** Scans the QR code, gets the card, taps Buy: the quantity list is the last reply. */
async function askQuantity(waId = freshWaId()) {
  const click = await scanQr(getDb(), shop);
  const first = await send(
    getDb(),
    shop,
    waId,
    say(`Hi! Tell me about Uji Matcha (ref ${click.ref})`),
  );
  const card = first[0]!;
  expect(card).toMatchObject({ intent: "product-inquiry", type: "buttons" });
  const buy = (card.content as { buttons: { id: string; title: string }[] }).buttons[0]!;
  expect(buy).toEqual({ id: `buy:${shop.matcha.id}`, title: "Buy" });
  const asked = await send(getDb(), shop, waId, tapButton(buy.id, buy.title));
  return { waId, click, asked };
}

describe(`Buy in the chat [${testDbBackend}]`, () => {
  it("product ref → card → Buy → quantity list → order with DB prices and attribution → link", async () => {
    const { waId, click, asked } = await askQuantity();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ intent: "buy-quantity", type: "list" });
    const rows = (asked[0]!.content as { sections: { rows: { id: string }[] }[] }).sections[0]!
      .rows;
    expect(rows.map((row) => row.id)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `qty:${shop.matcha.id}:${n}`),
    );
    expect(asked[0]!.body).toContain("type a number (1–99)");

    const paid = await send(getDb(), shop, waId, tapRow(rows[1]!.id, "2"));
    const [{ order, items, link }] = (await ordersOf(getDb(), shop, waId)) as [
      Awaited<ReturnType<typeof ordersOf>>[number],
    ];
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.id, order.conversationId!));
    expect(order).toMatchObject({
      status: "pending",
      origin: "bot",
      currency: "JPY",
      subtotalMinor: 6400,
      totalMinor: 6400,
      source: "qr",
      clickId: click.id,
      qrCodeId: shop.qr.id,
      productId: shop.matcha.id,
      ref: click.ref,
      language: "en",
    });
    expect(conversation?.clickId).toBe(click.id);
    expect(items).toMatchObject([
      { productId: shop.matcha.id, name: "Uji Matcha", unitPriceMinor: 3200, quantity: 2 },
    ]);
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      type: "cta_url",
      status: "queued",
      author: "bot",
      intent: "buy",
      dedupeKey: `order:${order.id}:link:1`,
    });
    expect(paid[0]!.content).toMatchObject({
      type: "cta_url",
      url: `${APP}/pay/${link!.token}`,
      displayText: "Pay ¥6,400",
    });
    const queued = await getDb().select().from(outbox).where(eq(outbox.messageId, paid[0]!.id));
    expect(queued).toHaveLength(1);
    const sent = await getDb()
      .select()
      .from(events)
      .where(and(eq(events.orderId, order.id), eq(events.type, "link_sent")));
    expect(sent).toHaveLength(1);
  });

  it.each([
    ["3", 3],
    ["３", 3],
    ["3個", 3],
    ["两个", 2],
    ["4개", 4],
    ["12", 12],
  ])("takes a typed quantity: %s", async (typed, quantity) => {
    const { waId } = await askQuantity();
    const replies = await send(getDb(), shop, waId, say(typed));
    const found = await ordersOf(getDb(), shop, waId);
    expect(found).toHaveLength(1);
    expect(found[0]!.items[0]).toMatchObject({ productId: shop.matcha.id, quantity });
    expect(found[0]!.order.totalMinor).toBe(3200 * quantity);
    expect(replies.at(-1)?.type).toBe("cta_url");
  });

  it.each(["0", "-1", "abc", "100"])(
    "refuses the quantity %s with a message, no order",
    async (typed) => {
      const { waId } = await askQuantity();
      const replies = await send(getDb(), shop, waId, say(typed));
      expect(await ordersOf(getDb(), shop, waId)).toEqual([]);
      expect(replies[0]?.type).toBe("text");
      expect(replies[0]?.body).toMatch(
        typed === "abc" ? /type the quantity as a number from 1 to 99/ : /from 1 to 99 here/,
      );
      // The question is asked again, so the next answer still counts.
      expect(replies[1]).toMatchObject({ intent: "buy-quantity", type: "list" });
      await send(getDb(), shop, waId, say("2"));
      expect(await ordersOf(getDb(), shop, waId)).toHaveLength(1);
    },
  );

  it("refuses a tapped row with an impossible quantity", async () => {
    const { waId } = await askQuantity();
    await send(getDb(), shop, waId, tapRow(`qty:${shop.matcha.id}:0`, "0"));
    expect(await ordersOf(getDb(), shop, waId)).toEqual([]);
  });

  it("a number typed without a question asked makes no order", async () => {
    const waId = freshWaId();
    await send(getDb(), shop, waId, say("hi"));
    await send(getDb(), shop, waId, say("3"));
    expect(await ordersOf(getDb(), shop, waId)).toEqual([]);
  });

  it("Buy again for the same items re-sends the open order's link: one order", async () => {
    const { waId } = await askQuantity();
    await send(getDb(), shop, waId, say("2"));
    await send(getDb(), shop, waId, tapButton(`buy:${shop.matcha.id}`, "Buy"));
    const again = await send(getDb(), shop, waId, tapRow(`qty:${shop.matcha.id}:2`, "2"));
    const found = await ordersOf(getDb(), shop, waId);
    expect(found).toHaveLength(1);
    const { order, link } = found[0]!;
    expect(again.map((reply) => reply.type)).toEqual(["text", "cta_url"]);
    expect(again[0]!.body).toMatch(/already have an unpaid order/);
    expect(again[1]).toMatchObject({ dedupeKey: `order:${order.id}:link:2` });
    expect(again[1]!.content).toMatchObject({ url: `${APP}/pay/${link!.token}` });

    // Another quantity is another order.
    await send(getDb(), shop, waId, tapRow(`qty:${shop.matcha.id}:3`, "3"));
    expect(await ordersOf(getDb(), shop, waId)).toHaveLength(2);
  });

  it("keeps the order's prices and snapshot when the product changes or is deactivated", async () => {
    const { waId } = await askQuantity();
    await send(getDb(), shop, waId, say("1"));
    const matcha = eq(products.id, shop.matcha.id);
    await getDb().update(products).set({ priceMinor: 9999, name: "Renamed" }).where(matcha);
    try {
      const [{ order, items }] = (await ordersOf(getDb(), shop, waId)) as [
        Awaited<ReturnType<typeof ordersOf>>[number],
      ];
      expect(order.totalMinor).toBe(3200);
      expect(items[0]).toMatchObject({ name: "Uji Matcha", unitPriceMinor: 3200 });

      await getDb().update(products).set({ active: false }).where(matcha);
      // Still payable: "My orders" offers its link, with the snapshot total.
      const mine = await send(getDb(), shop, waId, tapRow("menu:orders", "My orders"));
      expect(mine[0]).toMatchObject({ type: "cta_url", intent: "order-status" });
      expect(mine[0]!.content).toMatchObject({ displayText: "Pay ¥3,200" });
      const [after] = await ordersOf(getDb(), shop, waId);
      expect(after?.order).toMatchObject({ status: "pending", totalMinor: 3200 });
    } finally {
      await getDb()
        .update(products)
        .set({ priceMinor: 3200, name: "Uji Matcha", active: true })
        .where(matcha);
    }
  });

  it("speaks the conversation's language: a Japanese chat types ３個 and gets its link in Japanese", async () => {
    const waId = freshWaId();
    // The fixture's click is Japanese (a desktop QR code about the matcha).
    const card = await send(getDb(), shop, waId, say(`こんにちは (ref ${shop.click.ref})`));
    const buttons = (card[0]!.content as { buttons: { title: string }[] }).buttons;
    expect(buttons[0]?.title).toBe("購入する");
    const asked = await send(getDb(), shop, waId, tapButton(`buy:${shop.matcha.id}`, "購入する"));
    expect(asked[0]!.body).toMatch(/^Uji Matchaをいくつご購入されますか？/);
    const paid = await send(getDb(), shop, waId, say("３個"));
    const [found] = await ordersOf(getDb(), shop, waId);
    expect(found?.order).toMatchObject({ language: "ja", totalMinor: 9600, source: "desktop_qr" });
    expect(paid.at(-1)!.content).toMatchObject({ type: "cta_url", displayText: "￥9,600を支払う" });
  });

  it("says payment is not available and offers a person when the store cannot take payment", async () => {
    usePaymentEnv({ STRIPE_SANDBOX: "off" });
    const waId = freshWaId();
    await send(getDb(), shop, waId, say("hi"));
    const buy = await send(getDb(), shop, waId, tapButton(`buy:${shop.matcha.id}`, "Buy"));
    expect(buy[0]).toMatchObject({ type: "buttons", intent: "buy" });
    expect(buy[0]!.body).toMatch(/paying in the chat isn't available yet/);
    expect(buy[0]!.content).toMatchObject({ buttons: [{ id: "menu:agent" }] });
    await send(getDb(), shop, waId, tapRow(`qty:${shop.matcha.id}:2`, "2"));
    expect(await ordersOf(getDb(), shop, waId)).toEqual([]);
  });
});
