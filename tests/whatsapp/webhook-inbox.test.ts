import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { conversations, customers, events, messages, outbox, webhookEvents } from "@/db/schema";
import { receiveWhatsAppWebhook } from "@/lib/whatsapp/receive-webhook";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  deliverRaw,
  inboundBody,
  TEST_APP_SECRET,
  testPlatformConfig,
} from "./fixtures";

const getDb = setupTestDatabase();
let shop: ChatStoreFixture;
let otherShop: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
  otherShop = await createChatStore(getDb());
});

async function messagesOf(storeId: string, waId: string) {
  const [customer] = await getDb()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.waId, waId)));
  if (!customer) return { customer: undefined, rows: [] };
  const rows = await getDb()
    .select()
    .from(messages)
    .where(eq(messages.customerId, customer.id))
    .orderBy(messages.createdAt, messages.direction);
  return { customer, rows };
}

describe(`WhatsApp webhook inbox [${testDbBackend}]`, () => {
  it("stores a signed message, attributes it by ref and queues the bot's replies", async () => {
    const waId = "819000000001";
    const { body, wamid } = inboundBody(
      shop,
      { type: "text", text: `抹茶について教えてください (ref ${shop.click.ref.toLowerCase()})` },
      { waId },
    );
    const outcome = await deliverRaw(getDb(), body);
    expect(outcome).toMatchObject({ status: 200, stored: 1, duplicates: 0, failed: 0 });

    const [event] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, `message:${wamid}`));
    expect(event?.processedAt).not.toBeNull();
    expect(event?.storeId).toBe(shop.store.id);

    const { customer, rows } = await messagesOf(shop.store.id, waId);
    expect(customer?.name).toBe("Aiko");
    expect(customer?.consentAskedAt).not.toBeNull();
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.customerId, customer!.id));
    expect(conversation).toMatchObject({
      source: "desktop_qr",
      clickId: shop.click.id,
      productId: shop.matcha.id,
      language: "ja",
      status: "bot",
      unreadCount: 1,
    });

    const inbound = rows.filter((row) => row.direction === "inbound");
    const outbound = rows.filter((row) => row.direction === "outbound");
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ waMessageId: wamid, status: "received" });
    expect(outbound.map((row) => row.intent)).toEqual(["product-inquiry", "product-inquiry"]);
    expect(outbound[0]?.body).toContain("Uji Matcha");
    expect(outbound[0]?.body).toContain("3,200");
    expect(outbound[1]?.type).toBe("buttons"); // the consent question, asked once
    expect(outbound.every((row) => row.status === "queued")).toBe(true);
    const queued = await getDb().select().from(outbox).where(eq(outbox.customerId, customer!.id));
    expect(queued).toHaveLength(2);

    const started = await getDb()
      .select()
      .from(events)
      .where(
        and(
          eq(events.storeId, shop.store.id),
          eq(events.type, "chat_started"),
          eq(events.customerId, customer!.id),
        ),
      );
    expect(started).toHaveLength(1);
    expect(started[0]?.source).toBe("desktop_qr");
  });

  it("changes nothing on a redelivery, twice in a row or 20 times at once", async () => {
    const waId = "819000000002";
    const { body } = inboundBody(shop, { type: "text", text: "hello" }, { waId });
    await deliverRaw(getDb(), body);
    const again = await deliverRaw(getDb(), body);
    expect(again).toMatchObject({ status: 200, stored: 0, duplicates: 1 });

    const concurrent = inboundBody(
      shop,
      { type: "text", text: "menu please" },
      { waId: "819000000003" },
    );
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => deliverRaw(getDb(), concurrent.body)),
    );
    expect(outcomes.every((outcome) => outcome.status === 200)).toBe(true);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.stored, 0)).toBe(1);

    for (const id of [waId, "819000000003"]) {
      const { rows } = await messagesOf(shop.store.id, id);
      expect(rows.filter((row) => row.direction === "inbound")).toHaveLength(1);
      // one bot reply (the menu) and the consent question, once
      expect(rows.filter((row) => row.direction === "outbound")).toHaveLength(2);
    }
    const open = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.storeId, shop.store.id));
    expect(new Set(open.map((row) => row.customerId)).size).toBe(open.length);
  });

  it("refuses a missing, wrong or stale signature with 401 and stores nothing", async () => {
    const { body, wamid } = inboundBody(shop, { type: "text", text: "hi" });
    const bytes = new TextEncoder().encode(body);
    const tampered = new TextEncoder().encode(body.replace("hi", "ho"));
    const attempts = [
      { rawBody: bytes, signature: null },
      { rawBody: bytes, signature: signWebhookBody(bytes, "ffffffffffffffffffffffffffffffff") },
      { rawBody: tampered, signature: signWebhookBody(bytes, TEST_APP_SECRET) },
      { rawBody: bytes, signature: "sha256=zz" },
    ];
    for (const attempt of attempts) {
      const outcome = await receiveWhatsAppWebhook(
        getDb(),
        { ...attempt, storeSlug: null },
        testPlatformConfig(),
      );
      expect(outcome.status).toBe(401);
    }
    const stored = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, `message:${wamid}`));
    expect(stored).toHaveLength(0);
  });

  it("verifies the exact bytes: escaped unicode and literal Japanese both pass when signed as sent", async () => {
    const literal = inboundBody(
      shop,
      { type: "text", text: "こんにちは" },
      { waId: "819000000004" },
    );
    const escaped = inboundBody(
      shop,
      { type: "text", text: "こんにちは" },
      { waId: "819000000005" },
    );
    const escapedBody = escaped.body.replace(
      /[\u0080-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    expect(escapedBody).toContain("\\u3053\\u3093");
    expect((await deliverRaw(getDb(), literal.body)).stored).toBe(1);
    expect((await deliverRaw(getDb(), escapedBody)).stored).toBe(1);
    const { rows } = await messagesOf(shop.store.id, "819000000005");
    expect(rows.find((row) => row.direction === "inbound")?.body).toBe("こんにちは");
  });

  it("stores a signed but malformed body as failed and acknowledges it", async () => {
    const outcome = await deliverRaw(
      getDb(),
      '{"object":"whatsapp_business_account","entry":"nope"}',
    );
    expect(outcome).toMatchObject({ status: 200, failed: 1 });
    const failed = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.kind, "malformed"));
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toMatch(/entry/);
    expect(failed[0]?.processedAt).toBeNull();
    expect(failed[0]?.nextAttemptAt).toBeNull();
  });

  it("stores an unknown phone_number_id and acknowledges it without guessing a store", async () => {
    const { body, wamid } = inboundBody(
      { phoneNumberId: "999999999999999" },
      { type: "text", text: "hello" },
      { waId: "819000000006" },
    );
    const outcome = await deliverRaw(getDb(), body);
    expect(outcome).toMatchObject({ status: 200, failed: 1, stored: 0 });
    const [event] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, `message:${wamid}`));
    expect(event).toMatchObject({
      storeId: null,
      error: "Unknown phone_number_id 999999999999999",
    });
    const strays = await getDb().select().from(customers).where(eq(customers.waId, "819000000006"));
    expect(strays).toHaveLength(0);
  });

  it("keeps each store's chats to itself", async () => {
    const { body } = inboundBody(
      otherShop,
      { type: "text", text: "hello" },
      { waId: "819000000007" },
    );
    await deliverRaw(getDb(), body);
    expect((await messagesOf(shop.store.id, "819000000007")).rows).toHaveLength(0);
    expect((await messagesOf(otherShop.store.id, "819000000007")).rows.length).toBeGreaterThan(0);
  });

  it("opts out on STOP at once with one confirmation, and back in on START", async () => {
    const waId = "819000000008";
    await deliverRaw(getDb(), inboundBody(shop, { type: "text", text: "hello" }, { waId }).body);
    await deliverRaw(getDb(), inboundBody(shop, { type: "text", text: "停止" }, { waId }).body);
    let { customer, rows } = await messagesOf(shop.store.id, waId);
    expect(customer?.optedOutAt).not.toBeNull();
    expect(customer?.optedInAt).toBeNull();
    expect(rows.at(-1)).toMatchObject({ direction: "outbound", intent: "opt_out" });
    expect(rows.filter((row) => row.intent === "opt_out")).toHaveLength(1);

    await deliverRaw(getDb(), inboundBody(shop, { type: "text", text: "START" }, { waId }).body);
    ({ customer, rows } = await messagesOf(shop.store.id, waId));
    expect(customer?.optedInAt).not.toBeNull();
    expect(customer?.optedOutAt).toBeNull();
    expect(rows.at(-1)?.intent).toBe("opt_in");
  });

  it("records the consent answer with its time", async () => {
    const waId = "819000000009";
    await deliverRaw(getDb(), inboundBody(shop, { type: "text", text: "hello" }, { waId }).body);
    await deliverRaw(
      getDb(),
      inboundBody(shop, { type: "button_reply", id: "consent:yes", title: "Yes, please" }, { waId })
        .body,
    );
    const { customer } = await messagesOf(shop.store.id, waId);
    expect(customer?.optedInAt).toBeInstanceOf(Date);
  });

  it("hands off to a person and keeps the bot silent until handed back", async () => {
    const waId = "819000000010";
    await deliverRaw(
      getDb(),
      inboundBody(
        shop,
        { type: "list_reply", id: "menu:agent", title: "Talk to a person" },
        { waId },
      ).body,
    );
    const { customer } = await messagesOf(shop.store.id, waId);
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.customerId, customer!.id));
    expect(conversation?.status).toBe("agent");
    expect(conversation?.handedOffAt).not.toBeNull();
    const before = (await messagesOf(shop.store.id, waId)).rows.filter(
      (row) => row.direction === "outbound",
    ).length;
    await deliverRaw(
      getDb(),
      inboundBody(shop, { type: "text", text: "hello? menu" }, { waId }).body,
    );
    const after = (await messagesOf(shop.store.id, waId)).rows;
    expect(after.filter((row) => row.direction === "outbound")).toHaveLength(before);
    expect(after.filter((row) => row.direction === "inbound")).toHaveLength(2);
  });

  it("records a click-to-WhatsApp ad referral as the entry source", async () => {
    const { buildInboundMessageWebhook } = await import("@/lib/whatsapp/webhook-builders");
    const payload = buildInboundMessageWebhook({
      phoneNumberId: shop.phoneNumberId,
      displayPhoneNumber: "15550001234",
      waId: "819000000011",
      profileName: "Ken",
      wamid: "wamid.AD1",
      timestamp: new Date(),
      message: { type: "text", text: "Is this available?" },
      referral: {
        sourceUrl: "https://fb.me/ad",
        sourceId: "120000",
        sourceType: "ad",
        ctwaClid: "clid-1",
      },
    });
    await deliverRaw(getDb(), JSON.stringify(payload));
    const { customer } = await messagesOf(shop.store.id, "819000000011");
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.customerId, customer!.id));
    expect(conversation?.source).toBe("ad");
    expect(conversation?.adReferral).toMatchObject({ sourceId: "120000" });
  });
});
