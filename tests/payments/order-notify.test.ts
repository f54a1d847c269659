import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages, messageTemplates, orders } from "@/db/schema";
import { createMessageTemplate } from "@/lib/bot-settings/templates";
import { notifyOrderUpdate } from "@/lib/orders/notify";
import { updateStoreSettings } from "@/lib/stores/update-settings";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createPaymentShop, newOrder, orderMessages, outboxOfMessages } from "./stripe-helpers";

const getDb = setupTestDatabase();
const TWO_DAYS_AGO = new Date(Date.now() - 2 * 86_400_000);

async function messageRow(id: string) {
  const [row] = await getDb().select().from(messages).where(eq(messages.id, id));
  return row!;
}

async function confirmationTemplate(storeId: string, status: "approved" | "pending" = "approved") {
  for (const language of ["en", "ja"] as const) {
    const created = await createMessageTemplate(getDb(), storeId, {
      name: "order_confirmed",
      language,
      category: "utility",
      body: "Order {{1}} is paid: {{2}} ({{3}})",
      variableCount: 3,
    });
    if (!created.ok) throw new Error("template");
  }
  await getDb()
    .update(messageTemplates)
    .set({ status })
    .where(eq(messageTemplates.storeId, storeId));
  await updateStoreSettings(getDb(), storeId, {
    bot: {
      orderTemplates: {
        confirmation: { name: "order_confirmed", variables: ["order_number", "total", "items"] },
      },
    },
  });
}

describe(`Order messages [${testDbBackend}]`, () => {
  it("inside the 24-hour window: free-form, in the order's language, once per kind", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop, { language: "ko" });
    const now = new Date();
    const result = await notifyOrderUpdate(getDb(), { order, kind: "confirmation", now });
    expect(result.status).toBe("queued");
    const row = await messageRow((result as { messageId: string }).messageId);
    expect(row).toMatchObject({ type: "text", status: "queued", author: "system" });
    expect(row.body).toContain(`주문 ${order.number}`);
    expect(row.body).toContain("2 × Uji Matcha");
    expect(await outboxOfMessages(getDb(), [row.id])).toHaveLength(1);

    const again = await notifyOrderUpdate(getDb(), { order, kind: "confirmation", now });
    expect(again).toMatchObject({ status: "blocked", messageId: null, reason: "already queued" });
    expect(await orderMessages(getDb(), order.id)).toHaveLength(1);
  });

  it("shipped carries the tracking URL; each language has its words", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop, { language: "zh-Hans" });
    const result = await notifyOrderUpdate(getDb(), {
      order,
      kind: "shipped",
      trackingUrl: "https://track.example/JP123",
      now: new Date(),
    });
    const row = await messageRow((result as { messageId: string }).messageId);
    expect(row.body).toContain(`订单 ${order.number} 已发货`);
    expect(row.body).toContain("https://track.example/JP123");
    expect(row.dedupeKey).toBe(`order:${order.id}:shipped`);
  });

  it("outside the window: the store's approved utility template, in the order's language, variables as mapped", async () => {
    const shop = await createPaymentShop(getDb(), { lastInboundAt: TWO_DAYS_AGO });
    await confirmationTemplate(shop.store.id);
    const { order } = await newOrder(getDb(), shop, { language: "ja" });
    const result = await notifyOrderUpdate(getDb(), {
      order,
      kind: "confirmation",
      now: new Date(),
    });
    expect(result.status).toBe("queued");
    const row = await messageRow((result as { messageId: string }).messageId);
    expect(row.type).toBe("template");
    expect(row.content as OutgoingContent).toEqual({
      type: "template",
      name: "order_confirmed",
      language: "ja",
      bodyParameters: [order.number, "￥6,400", "2 × Uji Matcha"],
      category: "utility",
    });
  });

  it("outside the window with a template that is not approved: blocked with the reason", async () => {
    const shop = await createPaymentShop(getDb(), { lastInboundAt: TWO_DAYS_AGO });
    await confirmationTemplate(shop.store.id, "pending");
    const { order } = await newOrder(getDb(), shop);
    const result = await notifyOrderUpdate(getDb(), {
      order,
      kind: "confirmation",
      now: new Date(),
    });
    expect(result.status).toBe("blocked");
    const row = await messageRow((result as { messageId: string }).messageId);
    expect(row.status).toBe("blocked");
    expect(row.errorReason).toMatch(/not an approved utility template/);
    expect(await outboxOfMessages(getDb(), [row.id])).toHaveLength(0);
  });

  it("outside the window with no template: recorded blocked with the reason, never dropped", async () => {
    const shop = await createPaymentShop(getDb(), { lastInboundAt: TWO_DAYS_AGO });
    const { order } = await newOrder(getDb(), shop);
    const result = await notifyOrderUpdate(getDb(), {
      order,
      kind: "partially_refunded",
      amountMinor: 1000,
      discriminator: "1000",
      now: new Date(),
    });
    expect(result.status).toBe("blocked");
    const row = await messageRow((result as { messageId: string }).messageId);
    expect(row).toMatchObject({
      status: "blocked",
      dedupeKey: `order:${order.id}:partially_refunded:1000`,
    });
    expect(row.errorReason).toMatch(/24 hours/);
    expect(row.errorReason).toMatch(/No template is set for partially refunded messages/);
    expect(row.body).toContain("¥1,000");
  });

  it("an order without a conversation uses the customer's open conversation", async () => {
    const shop = await createPaymentShop(getDb());
    const { order } = await newOrder(getDb(), shop);
    await getDb().update(orders).set({ conversationId: null }).where(eq(orders.id, order.id));
    const result = await notifyOrderUpdate(getDb(), {
      order: { ...order, conversationId: null },
      kind: "delivered",
      now: new Date(),
    });
    const row = await messageRow((result as { messageId: string }).messageId);
    expect(row.conversationId).toBe(shop.conversation.id);
  });
});
