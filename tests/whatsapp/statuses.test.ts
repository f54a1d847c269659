import { and, asc, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, type Message, messages, outbox, webhookEvents } from "@/db/schema";
import { applyStatus } from "@/lib/whatsapp/apply-status";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { processWebhookEvents, webhookRetryDelayMs } from "@/lib/processing/processor";
import { drainOutbox } from "@/lib/whatsapp/send-outbox";
import { buildStatusWebhook } from "@/lib/whatsapp/webhook-builders";
import { type FakeGraphApi, startFakeGraphApi } from "../support/fake-graph-api";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  deliverRaw,
  inboundBody,
  nextWamid,
  statusBody,
  testPlatformConfig,
} from "./fixtures";

const TOKEN = "EAAG-test-token-xxxxxxxxxxxx";
const SECOND = 1_000;

const getDb = setupTestDatabase();
let fake: FakeGraphApi;
let shop: ChatStoreFixture;
let otherShop: ChatStoreFixture;
let graph: WhatsAppPlatformConfig;

beforeAll(async () => {
  fake = await startFakeGraphApi({ accessToken: TOKEN });
  shop = await createChatStore(getDb());
  otherShop = await createChatStore(getDb());
  graph = testPlatformConfig({ platformAccessToken: TOKEN, graphApiUrl: fake.url });
});

afterAll(async () => {
  await fake.close();
});

let customerCounter = 0;
function nextWaId(): string {
  customerCounter += 1;
  return `8180${String(customerCounter).padStart(8, "0")}`;
}

/** Webhook timestamps are whole seconds. */
function wholeSecondsAgo(seconds: number): Date {
  return new Date((Math.floor(Date.now() / SECOND) - seconds) * SECOND);
}

function plus(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** A customer writes; the bot's first reply is sent through the fake Graph API at `sentAt`. */
async function sentReply(sentAt: Date): Promise<{ waId: string; message: Message }> {
  const waId = nextWaId();
  const inbound = inboundBody(shop, { type: "text", text: "hello" }, { waId, timestamp: sentAt });
  await deliverRaw(getDb(), inbound.body, { now: sentAt });
  await drainOutbox(getDb(), { config: graph, now: () => sentAt });
  const [customer] = await getDb()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, shop.store.id), eq(customers.waId, waId)));
  const [row] = await getDb()
    .select({ message: messages })
    .from(outbox)
    .innerJoin(messages, eq(messages.id, outbox.messageId))
    .where(and(eq(outbox.customerId, customer?.id ?? ""), isNotNull(messages.waMessageId)))
    .orderBy(asc(outbox.sequence))
    .limit(1);
  if (!row) throw new Error("the reply was not sent");
  expect(row.message).toMatchObject({ status: "sent", sentAt });
  return { waId, message: row.message };
}

async function reload(message: Message): Promise<Message> {
  const [row] = await getDb().select().from(messages).where(eq(messages.id, message.id));
  if (!row) throw new Error(`message ${message.id} is gone`);
  return row;
}

type StatusInput = Parameters<typeof statusBody>[1];

function deliverStatus(input: StatusInput, options: { now?: Date; store?: ChatStoreFixture } = {}) {
  return deliverRaw(getDb(), statusBody(options.store ?? shop, input), { now: options.now });
}

describe(`WhatsApp delivery statuses [${testDbBackend}]`, () => {
  it("applies statuses that arrive out of order: read, then delivered, then sent", async () => {
    const sentAt = wholeSecondsAgo(120);
    const { waId, message } = await sentReply(sentAt);
    const wamid = message.waMessageId ?? "";
    const readAt = plus(sentAt, 30 * SECOND);
    const deliveredAt = plus(sentAt, 20 * SECOND);
    const statuses: [StatusInput, StatusInput, StatusInput] = [
      { wamid, recipientId: waId, status: "read", timestamp: readAt },
      { wamid, recipientId: waId, status: "delivered", timestamp: deliveredAt },
      { wamid, recipientId: waId, status: "sent", timestamp: plus(sentAt, 10 * SECOND) },
    ];

    expect(await deliverStatus(statuses[0])).toMatchObject({ status: 200, stored: 1 });
    expect(await reload(message)).toMatchObject({ status: "read", readAt, deliveredAt: null });
    expect(await deliverStatus(statuses[1])).toMatchObject({ status: 200, stored: 1 });
    expect(await reload(message)).toMatchObject({ status: "read", readAt, deliveredAt });
    expect(await deliverStatus(statuses[2])).toMatchObject({ status: 200, stored: 1 });
    const final = await reload(message);
    // sent_at was recorded by the send itself; the later "sent" status does not move it.
    expect(final).toMatchObject({ status: "read", sentAt, deliveredAt, readAt });

    // Meta redelivers: the inbox stores nothing and nothing changes.
    for (const input of statuses) {
      expect(await deliverStatus(input)).toMatchObject({ status: 200, stored: 0, duplicates: 1 });
    }
    expect(await reload(message)).toEqual(final);

    // Even applied again past the inbox, each timestamp keeps its first value.
    for (const status of ["sent", "delivered", "read"] as const) {
      await applyStatus(getDb(), shop.store.id, {
        kind: "status",
        phoneNumberId: shop.phoneNumberId,
        wamid,
        status,
        timestamp: plus(sentAt, 3_600 * SECOND),
        recipientId: waId,
        recipientUserId: null,
        errors: [],
      });
    }
    expect(await reload(message)).toEqual(final);
  });

  it("stores a duplicate status delivery once", async () => {
    const { waId, message } = await sentReply(wholeSecondsAgo(60));
    const wamid = message.waMessageId ?? "";
    const input: StatusInput = { wamid, recipientId: waId, status: "delivered" };
    const body = statusBody(shop, input);
    expect(await deliverRaw(getDb(), body)).toMatchObject({ stored: 1, duplicates: 0 });
    const afterFirst = await reload(message);
    expect(afterFirst.status).toBe("delivered");
    const again = await Promise.all([deliverRaw(getDb(), body), deliverRaw(getDb(), body)]);
    expect(again.map((outcome) => [outcome.stored, outcome.duplicates])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    const events = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, `status:${wamid}:delivered`));
    expect(events).toHaveLength(1);
    expect(await reload(message)).toEqual(afterFirst);
  });

  it("fails a sent message on a 131047 status, with its code and a readable reason", async () => {
    const sentAt = wholeSecondsAgo(60);
    const { waId, message } = await sentReply(sentAt);
    const wamid = message.waMessageId ?? "";
    await deliverStatus({ wamid, recipientId: waId, status: "sent", timestamp: sentAt });
    const failedAt = plus(sentAt, 5 * SECOND);
    const body = buildStatusWebhook({
      phoneNumberId: shop.phoneNumberId,
      displayPhoneNumber: "15550001234",
      wamid,
      recipientId: waId,
      status: "failed",
      timestamp: failedAt,
      errors: [
        {
          code: 131047,
          title: "Re-engagement message",
          details:
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        },
      ],
    });
    expect(await deliverRaw(getDb(), JSON.stringify(body))).toMatchObject({ stored: 1 });
    expect(await reload(message)).toMatchObject({
      status: "failed",
      errorCode: 131047,
      // The same words the outbox uses when the send itself is refused with 131047.
      errorReason: expect.stringMatching(
        /^More than 24 hours have passed since the customer last replied/,
      ),
      failedAt,
      sentAt,
    });

    // A late "delivered" for a failed message records its time but does not revive it.
    await deliverStatus({ wamid, recipientId: waId, status: "delivered" });
    expect(await reload(message)).toMatchObject({ status: "failed", errorCode: 131047 });
  });

  it("keeps a read message read when a failure arrives after it, but records the error", async () => {
    const sentAt = wholeSecondsAgo(60);
    const { waId, message } = await sentReply(sentAt);
    const wamid = message.waMessageId ?? "";
    const readAt = plus(sentAt, 10 * SECOND);
    await deliverStatus({ wamid, recipientId: waId, status: "read", timestamp: readAt });
    const failedAt = plus(sentAt, 20 * SECOND);
    await deliverStatus({
      wamid,
      recipientId: waId,
      status: "failed",
      timestamp: failedAt,
      errors: [{ code: 131026, title: "Message undeliverable" }],
    });
    const row = await reload(message);
    expect(row).toMatchObject({ status: "read", readAt, failedAt, errorCode: 131026 });
    expect(row.errorReason).toMatch(/^WhatsApp couldn't deliver this message/);
  });

  it("keeps a status for an unknown wamid and applies it on retry once the message exists", async () => {
    const receivedAt = wholeSecondsAgo(300);
    const wamid = nextWamid();
    const waId = nextWaId();
    const delivered: StatusInput = {
      wamid,
      recipientId: waId,
      status: "delivered",
      timestamp: receivedAt,
    };
    expect(await deliverStatus(delivered, { now: receivedAt })).toMatchObject({
      status: 200,
      stored: 0,
      failed: 1,
    });
    const eventOf = async () => {
      const [event] = await getDb()
        .select()
        .from(webhookEvents)
        .where(eq(webhookEvents.externalId, `status:${wamid}:delivered`));
      if (!event) throw new Error("the status was not stored");
      return event;
    };
    let event = await eventOf();
    expect(event).toMatchObject({ storeId: shop.store.id, processedAt: null, attempts: 1 });
    expect(event.error).toMatch(/No message .* in this store yet/);
    const firstRetryAt = plus(receivedAt, webhookRetryDelayMs(1));
    expect(event.nextAttemptAt).toEqual(firstRetryAt);

    const lanes = [`whatsapp:${shop.phoneNumberId}:${waId}`];
    const retry = (at: Date) =>
      processWebhookEvents(getDb(), { config: graph, now: () => at, only: "retry", lanes });
    // Not due yet.
    expect(await retry(plus(receivedAt, SECOND))).toEqual({ applied: 0, failed: 0, gaveUp: 0 });

    // The send's outcome is recorded meanwhile: the message now carries that wamid.
    const { message } = await sentReply(wholeSecondsAgo(280));
    await getDb().update(messages).set({ waMessageId: wamid }).where(eq(messages.id, message.id));

    expect(await retry(firstRetryAt)).toEqual({ applied: 1, failed: 0, gaveUp: 0 });
    expect(await reload(message)).toMatchObject({ status: "delivered", deliveredAt: receivedAt });
    event = await eventOf();
    expect(event).toMatchObject({ error: null, nextAttemptAt: null, note: null });
    expect(event.processedAt).toEqual(firstRetryAt);
    expect(await retry(plus(firstRetryAt, 3_600 * SECOND))).toEqual({
      applied: 0,
      failed: 0,
      gaveUp: 0,
    });
  });

  it("records a status for a message this store never sent once, after one retry, not eight", async () => {
    const receivedAt = wholeSecondsAgo(300);
    const wamid = nextWamid();
    const waId = nextWaId();
    await deliverStatus(
      { wamid, recipientId: waId, status: "read", timestamp: receivedAt },
      { now: receivedAt },
    );
    const retryAt = plus(receivedAt, webhookRetryDelayMs(1));
    const lanes = [`whatsapp:${shop.phoneNumberId}:${waId}`];
    expect(
      await processWebhookEvents(getDb(), { config: graph, now: () => retryAt, lanes }),
    ).toEqual({ applied: 1, failed: 0, gaveUp: 0 });
    const [event] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, `status:${wamid}:read`));
    expect(event).toMatchObject({ attempts: 1, nextAttemptAt: null, error: null });
    expect(event?.processedAt).toEqual(retryAt);
    expect(event?.note).toMatch(/No message .* in this store yet/);
  });

  it("never applies another store's status to this store's message", async () => {
    const { waId, message } = await sentReply(wholeSecondsAgo(60));
    const wamid = message.waMessageId ?? "";
    const outcome = await deliverStatus(
      { wamid, recipientId: waId, status: "read" },
      { store: otherShop },
    );
    expect(outcome).toMatchObject({ status: 200, stored: 0, failed: 1 });
    expect(await reload(message)).toMatchObject({ status: "sent", readAt: null });
  });
});
