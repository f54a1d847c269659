import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { conversations, events, messages, orderItems, orders, outbox, products } from "@/db/schema";
import { firstLinkDedupeKey, sendAgentPaymentLink } from "@/lib/orders/agent-link";
import { sendPaymentLinkSchema } from "@/lib/orders/agent-link-schema";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";
import { addChat, addProduct, type Shop, stripeConfig } from "./helpers";

const db = setupTestDatabase();
const ORIGIN = "https://shop.example";

async function ordersOf(storeId: string) {
  return db().select().from(orders).where(eq(orders.storeId, storeId));
}

describe(`the inbox's Send payment link [${testDbBackend}]`, () => {
  let alice: Shop;
  let bob: Shop;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db());
    bob = await createOwnerWithStore(db());
  });

  const send = (
    overrides: Partial<Parameters<typeof sendAgentPaymentLink>[1]> & { conversationId: string },
  ) =>
    sendAgentPaymentLink(db(), {
      storeId: alice.store.id,
      userId: alice.userId,
      lines: [],
      origin: ORIGIN,
      stripeConfig: stripeConfig(),
      now: new Date(),
      ...overrides,
    });

  it("makes the order from database prices and queues the link in the thread, in one go", async () => {
    const matcha = await addProduct(db(), alice.store.id, { name: "Uji Matcha", priceMinor: 3200 });
    const bowl = await addProduct(db(), alice.store.id, { name: "Tea Bowl", priceMinor: 8800 });
    const chat = await addChat(db(), alice.store.id, { source: "widget", ref: "AB12C" });
    const result = await send({
      conversationId: chat.conversation.id,
      lines: [
        { productId: matcha.id, quantity: 2 },
        { productId: bowl.id, quantity: 1 },
      ],
      note: "Thanks for visiting!",
    });
    if (!result.ok || result.duplicate) throw new Error(JSON.stringify(result));
    expect(result.order).toMatchObject({
      origin: "agent",
      status: "pending",
      customerId: chat.customer.id,
      conversationId: chat.conversation.id,
      source: "widget",
      ref: "AB12C",
      subtotalMinor: 15_200,
      totalMinor: 15_200,
      note: "Thanks for visiting!",
    });
    const items = await db()
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, result.order.id));
    expect(
      items
        .map(({ name, unitPriceMinor, quantity }) => ({ name, unitPriceMinor, quantity }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: "Tea Bowl", unitPriceMinor: 8800, quantity: 1 },
      { name: "Uji Matcha", unitPriceMinor: 3200, quantity: 2 },
    ]);
    const [message] = await db().select().from(messages).where(eq(messages.id, result.messageId));
    expect(message).toMatchObject({
      conversationId: chat.conversation.id,
      direction: "outbound",
      author: "agent",
      agentUserId: alice.userId,
      type: "cta_url",
      status: "queued",
      dedupeKey: firstLinkDedupeKey(result.order.id),
    });
    expect(message?.content).toMatchObject({
      type: "cta_url",
      url: expect.stringMatching(/^https:\/\/shop\.example\/pay\//),
    });
    expect(message?.body).toContain("Thanks for visiting!");
    expect(
      await db().select().from(outbox).where(eq(outbox.messageId, result.messageId)),
    ).toHaveLength(1);
    const sent = await db()
      .select()
      .from(events)
      .where(and(eq(events.orderId, result.order.id), eq(events.type, "link_sent")));
    expect(sent).toHaveLength(1);
    const [conversation] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, chat.conversation.id));
    expect(conversation?.status).toBe("agent");
  });

  it("sends one link for a picker submitted twice, even at the same moment", async () => {
    const product = await addProduct(db(), alice.store.id);
    const chat = await addChat(db(), alice.store.id);
    const lines = [{ productId: product.id, quantity: 2 }];
    const results = await Promise.all(
      Array.from({ length: 6 }, () => send({ conversationId: chat.conversation.id, lines })),
    );
    expect(results.filter((result) => result.ok && !result.duplicate)).toHaveLength(1);
    expect(results.filter((result) => result.ok && result.duplicate)).toHaveLength(5);
    const other = await send({
      conversationId: chat.conversation.id,
      lines: [{ productId: product.id, quantity: 3 }],
    });
    expect(other).toMatchObject({ ok: true, duplicate: false });
    expect(await ordersOf(alice.store.id)).toHaveLength(2);
    const links = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, chat.conversation.id));
    expect(links).toHaveLength(2);
  });

  it("ignores any price the form sends: only product ids and quantities count", () => {
    const productId = crypto.randomUUID();
    const parsed = sendPaymentLinkSchema.parse({
      conversationId: crypto.randomUUID(),
      [`qty:${productId}`]: "３",
      [`qty:${crypto.randomUUID()}`]: "0",
      [`qty:${crypto.randomUUID()}`]: "",
      [`price:${productId}`]: "1",
      totalMinor: "1",
    });
    expect(parsed.lines).toEqual([{ productId, quantity: 3 }]);
    expect(Object.keys(parsed).sort()).toEqual(["conversationId", "lines", "note"]);
  });

  it("refuses bad picks in words, before anything is written", () => {
    const conversationId = crypto.randomUUID();
    const issue = (values: Record<string, string>) => {
      const result = sendPaymentLinkSchema.safeParse({ conversationId, ...values });
      return result.success ? null : result.error.issues.map((problem) => problem.message);
    };
    expect(issue({})).toEqual(["empty"]);
    for (const quantity of ["-1", "100", "abc", "1.5"])
      expect(issue({ [`qty:${crypto.randomUUID()}`]: quantity })).toEqual(["quantity"]);
    expect(issue({ "qty:not-a-uuid": "1" })).toEqual(["products"]);
    expect(issue({ [`qty:${crypto.randomUUID()}`]: "1", note: "x".repeat(501) })).toEqual(["note"]);
  });

  it("uses today's database price, not an old one, and refuses archived or foreign products", async () => {
    const product = await addProduct(db(), alice.store.id, { priceMinor: 1000 });
    await db().update(products).set({ priceMinor: 1200 }).where(eq(products.id, product.id));
    const chat = await addChat(db(), alice.store.id);
    const ok = await send({
      conversationId: chat.conversation.id,
      lines: [{ productId: product.id, quantity: 3 }],
    });
    expect(ok).toMatchObject({ ok: true, order: { totalMinor: 3600 } });

    const archived = await addProduct(db(), alice.store.id, { active: false });
    const foreign = await addProduct(db(), bob.store.id);
    for (const productId of [archived.id, foreign.id]) {
      expect(
        await send({ conversationId: chat.conversation.id, lines: [{ productId, quantity: 1 }] }),
      ).toMatchObject({ ok: false, error: "order_refused", reason: "unavailable_products" });
    }
    expect(
      await send({
        conversationId: chat.conversation.id,
        lines: [{ productId: product.id, quantity: 100 }],
      }),
    ).toMatchObject({ ok: false, error: "order_refused", reason: "bad_quantity" });
    expect(await ordersOf(alice.store.id)).toHaveLength(1);
  });

  it("refuses another store's conversation, a closed one, and one outside the 24-hour window", async () => {
    const product = await addProduct(db(), alice.store.id);
    const lines = [{ productId: product.id, quantity: 1 }];
    const theirs = await addChat(db(), bob.store.id);
    const closed = await addChat(db(), alice.store.id, { status: "closed" });
    const quiet = await addChat(db(), alice.store.id, {
      lastInboundAt: new Date(Date.now() - 25 * 3_600_000),
    });
    expect(await send({ conversationId: theirs.conversation.id, lines })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await send({ conversationId: closed.conversation.id, lines })).toEqual({
      ok: false,
      error: "closed",
    });
    expect(await send({ conversationId: quiet.conversation.id, lines })).toEqual({
      ok: false,
      error: "outside_window",
    });
    expect(await ordersOf(alice.store.id)).toEqual([]);
    expect(await ordersOf(bob.store.id)).toEqual([]);
    expect(await db().select().from(messages).where(eq(messages.storeId, alice.store.id))).toEqual(
      [],
    );
  });

  it("says payments are unavailable in production without keys, and writes nothing", async () => {
    const product = await addProduct(db(), alice.store.id);
    const chat = await addChat(db(), alice.store.id);
    const result = await send({
      conversationId: chat.conversation.id,
      lines: [{ productId: product.id, quantity: 1 }],
      stripeConfig: stripeConfig({ nodeEnv: "production" }),
    });
    expect(result).toMatchObject({ ok: false, error: "payments_unavailable" });
    expect(
      await send({
        conversationId: chat.conversation.id,
        lines: [{ productId: product.id, quantity: 1 }],
        origin: null,
      }),
    ).toEqual({ ok: false, error: "no_origin" });
    expect(await ordersOf(alice.store.id)).toEqual([]);
  });
});
