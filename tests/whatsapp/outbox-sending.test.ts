import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers } from "@/db/schema";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { toGraphMessageBody } from "@/lib/whatsapp/graph-request";
import { saveCredential } from "@/lib/stores/credentials";
import { MAX_SEND_ATTEMPTS } from "@/lib/whatsapp/retry";
import { drainOutbox, type SandboxDelivery } from "@/lib/whatsapp/send-outbox";
import { testDbBackend } from "../support/database";
import { UNBOUND_PLATFORM_NUMBER } from "@/lib/whatsapp/phone-number-binding";
import {
  createChatStore,
  deliverRaw,
  inboundBody,
  operatorBoundNumbers,
  testPlatformConfig,
} from "./fixtures";
import { setupOutboxHarness } from "./outbox-harness";

const harness = setupOutboxHarness();
const {
  TOKEN,
  MINUTE,
  getDb,
  nextWaId,
  queueFor,
  text,
  messageRow,
  outboxRow,
  outboundInOrder,
  drain,
  report,
  at,
} = harness;

describe(`outbox sender [${testDbBackend}]`, () => {
  it("sends a delivered message's bot replies to the Graph API with the exact bodies", async () => {
    const waId = nextWaId();
    const { body } = inboundBody(harness.shop, { type: "text", text: "hello" }, { waId });
    expect(await deliverRaw(getDb(), body)).toMatchObject({ status: 200, stored: 1 });
    const [customer] = await getDb()
      .select()
      .from(customers)
      .where(and(eq(customers.storeId, harness.shop.store.id), eq(customers.waId, waId)));
    const queued = await outboundInOrder(customer?.id ?? "");
    expect(queued.map((row) => row.status)).toEqual(["queued", "queued"]);

    expect(await drain()).toEqual(report({ sent: 2 }));

    expect(harness.fake.requests).toHaveLength(2);
    const [first, second] = harness.fake.requests;
    expect(first?.method).toBe("POST");
    expect(first?.path).toBe(`/v23.0/${harness.shop.phoneNumberId}/messages`);
    expect(first?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(first?.headers["content-type"]).toBe("application/json");
    const firstContent = queued[0]?.content as OutgoingContent;
    expect(firstContent.type === "list" || firstContent.type === "text").toBe(true);
    expect(first?.body).toStrictEqual(toGraphMessageBody({ to: waId }, firstContent));
    expect(first?.body).toMatchObject({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: waId,
    });
    // The consent question, asked once, as reply buttons.
    expect(second?.body).toStrictEqual(
      toGraphMessageBody({ to: waId }, queued[1]?.content as OutgoingContent),
    );
    expect(second?.body).toMatchObject({ type: "interactive", interactive: { type: "button" } });

    const sent = await outboundInOrder(customer?.id ?? "");
    for (const row of sent) {
      expect(row.status).toBe("sent");
      expect(row.waMessageId).toMatch(/^wamid\.\d+$/);
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(row.errorReason).toBeNull();
      expect(await outboxRow(row.id)).toMatchObject({
        attempts: 1,
        lastError: null,
        claimedUntil: null,
        failedAt: null,
      });
    }
    expect(new Set(sent.map((row) => row.waMessageId)).size).toBe(2);

    // Nothing is left to send.
    expect(await drain()).toEqual(report({}));
    expect(harness.fake.requests).toHaveLength(2);
  });

  it("backs off after a 500 and sends once the delay has passed", async () => {
    const base = new Date();
    const { messageIds } = await queueFor([text("Your order is ready")], { now: base });
    harness.fake.respondWith({ status: 500 });

    const t1 = base.getTime() + 1_000;
    expect(await drain({ now: at(base, 1_000), random: () => 1 })).toEqual(report({ retrying: 1 }));
    const waiting = await outboxRow(messageIds[0]);
    expect(waiting.nextAttemptAt.getTime()).toBe(t1 + 2_000);
    expect(waiting).toMatchObject({
      attempts: 1,
      sentAt: null,
      failedAt: null,
      claimedUntil: null,
    });
    expect(waiting.sendStartedAt).toBeNull();
    expect(waiting.lastError).toMatch(/HTTP 500/);
    expect(await messageRow(messageIds[0])).toMatchObject({ status: "queued", waMessageId: null });

    expect(await drain({ now: at(base, 2_500) })).toEqual(report({}));
    expect(harness.fake.requests).toHaveLength(1);

    expect(await drain({ now: at(base, 3_500) })).toEqual(report({ sent: 1 }));
    expect(harness.fake.requests).toHaveLength(2);
    expect(harness.fake.requests[1]?.body).toStrictEqual(harness.fake.requests[0]?.body);
    expect(await messageRow(messageIds[0])).toMatchObject({ status: "sent" });
    expect(await outboxRow(messageIds[0])).toMatchObject({ attempts: 2, lastError: null });
  });

  it("honours Retry-After on 429/130429 and spaces a 131056 pair rate limit, then sends", async () => {
    const base = new Date();
    const { messageIds } = await queueFor([text("Thanks!")], { now: base });
    harness.fake.respondWith({ status: 429, code: 130429, retryAfterSeconds: 30 });
    expect(await drain({ now: at(base, 0), random: () => 0 })).toEqual(report({ retrying: 1 }));
    let row = await outboxRow(messageIds[0]);
    expect(row.nextAttemptAt.getTime()).toBe(base.getTime() + 30_000);
    expect(row.lastError).toMatch(/throughput/);

    expect(await drain({ now: at(base, 29_000), random: () => 0 })).toEqual(report({}));
    harness.fake.respondWith({ status: 400, code: 131056 });
    expect(await drain({ now: at(base, 30_000), random: () => 0 })).toEqual(
      report({ retrying: 1 }),
    );
    row = await outboxRow(messageIds[0]);
    // Second attempt: at least 2 × 6 s between messages to the same customer.
    expect(row.nextAttemptAt.getTime()).toBe(base.getTime() + 30_000 + 12_000);
    expect(row.lastError).toMatch(/Too many messages were sent to this customer/);
    expect(await messageRow(messageIds[0])).toMatchObject({ status: "queued", errorCode: null });

    harness.fake.respondWith({ status: 429 });
    expect(await drain({ now: at(base, 42_000), random: () => 1 })).toEqual(
      report({ retrying: 1 }),
    );
    expect((await outboxRow(messageIds[0])).lastError).toMatch(/slow down/);

    expect(await drain({ now: at(base, 60 * MINUTE) })).toEqual(report({ sent: 1 }));
    expect(harness.fake.requests).toHaveLength(4);
    expect(await messageRow(messageIds[0])).toMatchObject({ status: "sent" });
  });

  it.each([
    [131047, /24 hours have passed/],
    [131026, /couldn't deliver this message/],
  ])("fails the message for good on %i", async (code, reason) => {
    const base = new Date();
    const { messageIds } = await queueFor([text("Still there?")], { now: base });
    harness.fake.respondWith({ status: 400, code });
    expect(await drain({ now: at(base, 0) })).toEqual(report({ failed: 1 }));

    const message = await messageRow(messageIds[0]);
    expect(message).toMatchObject({ status: "failed", errorCode: code, waMessageId: null });
    expect(message.errorReason).toMatch(reason);
    expect(message.failedAt).toBeInstanceOf(Date);
    const row = await outboxRow(messageIds[0]);
    expect(row).toMatchObject({ attempts: 1, sentAt: null });
    expect(row.failedAt).toBeInstanceOf(Date);

    expect(await drain({ now: at(base, 60 * MINUTE) })).toEqual(report({}));
    expect(harness.fake.requests).toHaveLength(1);
  });

  it(`fails after ${MAX_SEND_ATTEMPTS} retryable failures`, async () => {
    const base = new Date();
    const { messageIds } = await queueFor([text("Hello again")], { now: base });
    harness.fake.respondWith(...Array.from({ length: MAX_SEND_ATTEMPTS }, () => ({ status: 503 })));
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      // Past any backoff (at most 15 minutes).
      const outcome = await drain({ now: at(base, (attempt - 1) * 16 * MINUTE), random: () => 1 });
      expect(outcome).toEqual(
        attempt < MAX_SEND_ATTEMPTS ? report({ retrying: 1 }) : report({ failed: 1 }),
      );
      expect((await outboxRow(messageIds[0])).attempts).toBe(attempt);
    }
    expect(harness.fake.requests).toHaveLength(MAX_SEND_ATTEMPTS);
    const message = await messageRow(messageIds[0]);
    expect(message.status).toBe("failed");
    expect(message.errorReason).toMatch(/HTTP 503/);

    expect(await drain({ now: at(base, 24 * 60 * MINUTE) })).toEqual(report({}));
    expect(harness.fake.requests).toHaveLength(MAX_SEND_ATTEMPTS);
  });

  it("retries a send the server did not answer in time", async () => {
    const base = new Date();
    const { messageIds } = await queueFor([text("Slow day?")], { now: base });
    // The client's own timeout is 10 s; a shorter signal stands in for it here.
    const impatient: typeof fetch = (input, init) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(150) });
    harness.fake.respondWith({ delayMs: 1_000, then: { ok: true } });
    expect(await drain({ now: at(base, 0), random: () => 1, fetchImpl: impatient })).toEqual(
      report({ retrying: 1 }),
    );
    expect((await outboxRow(messageIds[0])).lastError).toMatch(/didn't answer within/);
    expect(await messageRow(messageIds[0])).toMatchObject({ status: "queued" });

    expect(await drain({ now: at(base, MINUTE), fetchImpl: impatient })).toEqual(
      report({ sent: 1 }),
    );
    expect(await messageRow(messageIds[0])).toMatchObject({ status: "sent" });
  });

  it("fails with the configuration reason when WhatsApp is not connected, sending nothing", async () => {
    const { messageIds } = await queueFor([text("Hi")]);
    const unconfigured = testPlatformConfig({ sandbox: "off", graphApiUrl: harness.fake.url });
    expect(await drainOutbox(getDb(), { config: unconfigured })).toEqual(report({ failed: 1 }));
    expect(harness.fake.requests).toHaveLength(0);
    expect(await messageRow(messageIds[0])).toMatchObject({
      status: "failed",
      errorCode: null,
      errorReason: "WhatsApp is not connected: add an access token in Settings → WhatsApp.",
    });
    expect((await outboxRow(messageIds[0])).lastError).toBe(
      "WhatsApp is not connected: add an access token in Settings → WhatsApp.",
    );
  });

  it("fails with the configuration reason when the platform token has no number bound to the store", async () => {
    const noNumber = await createChatStore(getDb());
    const { messageIds } = await queueFor([text("Hi")], { store: noNumber });
    // The store row still names the id, but the operator never bound it to this store.
    operatorBoundNumbers.delete(noNumber.phoneNumberId);
    expect(await drain()).toEqual(report({ failed: 1 }));
    expect(harness.fake.requests).toHaveLength(0);
    expect(await messageRow(messageIds[0])).toMatchObject({
      status: "failed",
      errorReason: UNBOUND_PLATFORM_NUMBER,
    });
  });

  it("sends with the store's own access token when it has one", async () => {
    const ownToken = "EAAG-store-own-token-yyyyyyyyyy";
    const own = await createChatStore(getDb());
    await saveCredential(
      getDb(),
      own.store.id,
      "whatsapp_access_token",
      ownToken,
      harness.config.encryptionKey,
    );
    const { messageIds } = await queueFor([text("Hi")], { store: own });
    // The fake only accepts the platform token: the store's own one is refused with 190.
    expect(await drain()).toEqual(report({ failed: 1 }));
    expect(harness.fake.requests[0]?.headers.authorization).toBe(`Bearer ${ownToken}`);
    expect(harness.fake.requests[0]?.path).toBe(`/v23.0/${own.phoneNumberId}/messages`);
    expect(await messageRow(messageIds[0])).toMatchObject({
      status: "failed",
      errorCode: 190,
      errorReason:
        "The WhatsApp access token has expired or is invalid. Reconnect WhatsApp in the store settings.",
    });
  });

  it("keeps a message queued when its store's credentials cannot be read, and still sends the others", async () => {
    const base = new Date();
    const broken = await createChatStore(getDb());
    // Encrypted under another key (say, before a key rotation): reading it throws.
    const otherKey = Buffer.alloc(32, 7).toString("base64");
    await saveCredential(getDb(), broken.store.id, "whatsapp_access_token", TOKEN, otherKey);
    const stuck = await queueFor([text("Stuck for now")], { store: broken, now: base });
    const fine = await queueFor([text("Goes out")], { now: base });

    expect(await drain({ now: at(base, 0) })).toEqual(report({ sent: 1, retrying: 1 }));
    // Nothing was sent for the broken store, so its message must not look "uncertain" later,
    // and the other store's message in the same batch was sent and recorded.
    const waiting = await outboxRow(stuck.messageIds[0]);
    expect(waiting).toMatchObject({ sendStartedAt: null, sentAt: null, failedAt: null });
    expect(waiting?.lastError).toMatch(/enter them again in Settings/);
    expect(await messageRow(fine.messageIds[0])).toMatchObject({ status: "sent" });
    expect(harness.fake.requests).toHaveLength(1);

    await saveCredential(
      getDb(),
      broken.store.id,
      "whatsapp_access_token",
      TOKEN,
      harness.config.encryptionKey,
    );
    expect(await drain({ now: at(base, 6 * MINUTE) })).toEqual(report({ sent: 1 }));
    expect(await messageRow(stuck.messageIds[0])).toMatchObject({ status: "sent" });
    expect(harness.fake.requests).toHaveLength(2);
  });

  it("records a sandbox store's message as sent and hands its wamid to onSandboxSent", async () => {
    const { waId, messageIds } = await queueFor([text("Hello from the sandbox")]);
    const deliveries: SandboxDelivery[] = [];
    const sandbox = testPlatformConfig({ graphApiUrl: harness.fake.url });
    const outcome = await drainOutbox(getDb(), {
      config: sandbox,
      onSandboxSent: async (delivery) => {
        deliveries.push(delivery);
      },
    });
    expect(outcome).toEqual(report({ sent: 1 }));
    expect(harness.fake.requests).toHaveLength(0);
    const message = await messageRow(messageIds[0]);
    expect(message.status).toBe("sent");
    expect(message.waMessageId).toMatch(/^wamid\.SANDBOX\./);
    expect(deliveries).toEqual([
      {
        storeId: harness.shop.store.id,
        phoneNumberId: harness.shop.phoneNumberId,
        wamid: message.waMessageId,
        to: waId,
      },
    ]);
  });
});
