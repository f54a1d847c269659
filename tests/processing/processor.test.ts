import { and, count, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, messages, webhookEvents } from "@/db/schema";
import {
  MAX_WEBHOOK_ATTEMPTS,
  ProcessorCrash,
  processWebhookEvents,
  webhookRetryDelayMs,
} from "@/lib/processing/processor";
import { requeueWebhookEvent } from "@/lib/processing/requeue";
import { listFailedWebhookEvents } from "@/lib/inbox/failed-events";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  nextWamid,
  testPlatformConfig,
} from "../whatsapp/fixtures";
import { batched, eventsLike, freshWaId, inboundTexts, receiveOnly, textPayload } from "./helpers";

const getDb = setupTestDatabase();
const config = testPlatformConfig();
let shop: ChatStoreFixture;
let other: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
  other = await createChatStore(getDb());
});

const laneOf = (fixture: ChatStoreFixture, waId: string) =>
  `whatsapp:${fixture.phoneNumberId}:${waId}`;

describe(`the webhook stores and acknowledges; the processor applies [${testDbBackend}]`, () => {
  it("stores every item of a delivery raw, on its own, and applies nothing in the request", async () => {
    const [a, b] = [freshWaId(), freshWaId()];
    const body = batched([
      textPayload(shop, { waId: a, wamid: nextWamid(), text: "hello" }),
      textPayload(shop, { waId: b, wamid: nextWamid(), text: "hi" }),
    ]);
    const outcome = await receiveOnly(getDb(), body);
    expect(outcome).toMatchObject({ status: 200, stored: 2, duplicates: 0, failed: 0 });
    expect(outcome.lanes.sort()).toEqual([laneOf(shop, a), laneOf(shop, b)].sort());

    const wireValue = body.entry[0]!.changes[0]!.value;
    for (const [index, waId] of [a, b].entries()) {
      const wire = wireValue.messages![index]!;
      const [event] = await eventsLike(getDb(), `message:${wire.id}`);
      expect(event).toMatchObject({ kind: "message", lane: laneOf(shop, waId), processedAt: null });
      // Exactly as received: the message, its contact, the metadata and the field.
      expect(event?.payload).toEqual({
        object: "whatsapp_business_account",
        entry: [
          {
            id: body.entry[0]!.id,
            changes: [
              {
                field: "messages",
                value: {
                  messaging_product: "whatsapp",
                  metadata: wireValue.metadata,
                  contacts: [wireValue.contacts![index]],
                  messages: [wire],
                },
              },
            ],
          },
        ],
      });
      expect(await inboundTexts(getDb(), shop.store.id, waId)).toHaveLength(0);
    }

    const report = await processWebhookEvents(getDb(), { config, lanes: outcome.lanes });
    expect(report).toEqual({ applied: 2, failed: 0, gaveUp: 0 });
    expect(await inboundTexts(getDb(), shop.store.id, a)).toEqual([
      expect.objectContaining({ body: "hello" }),
    ]);
    expect(await inboundTexts(getDb(), shop.store.id, b)).toHaveLength(1);
  });

  it("keeps every valid item of a delivery when a neighbour is malformed or unknown", async () => {
    const [a, b] = [freshWaId(), freshWaId()];
    const good = batched([
      textPayload(shop, { waId: a, wamid: nextWamid(), text: "first" }),
      textPayload(shop, { waId: b, wamid: nextWamid(), text: "second" }),
    ]);
    const value = good.entry[0]!.changes[0]!.value as { messages: unknown[] };
    const brokenId = nextWamid();
    // A message with no sender and a numeric type, between two good ones.
    value.messages.splice(1, 0, { id: brokenId, timestamp: "1700000000", type: 5 });
    const body = {
      ...good,
      entry: [
        {
          ...good.entry[0]!,
          changes: [
            ...good.entry[0]!.changes,
            { field: "account_review_update", value: { decision: "APPROVED" } },
          ],
        },
      ],
    };
    const outcome = await receiveOnly(getDb(), body);
    expect(outcome).toMatchObject({ status: 200, stored: 4, failed: 0 });

    await processWebhookEvents(getDb(), { config });
    expect(await inboundTexts(getDb(), shop.store.id, a)).toHaveLength(1);
    expect(await inboundTexts(getDb(), shop.store.id, b)).toHaveLength(1);
    const [broken] = await eventsLike(getDb(), `message:${brokenId}`);
    expect(broken).toMatchObject({ processedAt: null, nextAttemptAt: null, attempts: 1 });
    expect(broken?.error).toMatch(/messages\.0\.from|messages\.0\.type/);
    const [unknownField] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.kind, "account_review_update"));
    expect(unknownField?.processedAt).not.toBeNull();
    expect(unknownField?.note).toMatch(/account_review_update/);
    expect(unknownField?.error).toBeNull();
  });

  it("changes nothing on a redelivery", async () => {
    const waId = freshWaId();
    const single = textPayload(shop, { waId, wamid: nextWamid(), text: "once" });
    // Meta may even repeat an item inside one delivery.
    const body = batched([single, single]);
    const first = await receiveOnly(getDb(), body);
    expect(first).toMatchObject({ stored: 1, duplicates: 1 });
    await processWebhookEvents(getDb(), { config, lanes: first.lanes });
    const again = await receiveOnly(getDb(), body);
    expect(again).toMatchObject({ stored: 0, duplicates: 2, lanes: [] });
    expect(await processWebhookEvents(getDb(), { config, lanes: first.lanes })).toEqual({
      applied: 0,
      failed: 0,
      gaveUp: 0,
    });
    expect(await inboundTexts(getDb(), shop.store.id, waId)).toHaveLength(1);
  });

  it("is not capped at a fixed count per run: a backlog drains within the time budget", async () => {
    const waIds = Array.from({ length: 60 }, () => freshWaId());
    for (const waId of waIds) {
      await receiveOnly(getDb(), textPayload(other, { waId, wamid: nextWamid(), text: "hi" }));
    }
    const lanes = waIds.map((waId) => laneOf(other, waId));
    expect(
      await processWebhookEvents(getDb(), { config, lanes, deadline: Date.now() - 1 }),
    ).toEqual({ applied: 0, failed: 0, gaveUp: 0 });
    expect(
      await processWebhookEvents(getDb(), { config, lanes, deadline: Date.now() + 120_000 }),
    ).toEqual({
      applied: 60,
      failed: 0,
      gaveUp: 0,
    });
  });

  it("shows an item no store owns to the operator, and to no store", async () => {
    const wamid = nextWamid();
    await receiveOnly(
      getDb(),
      textPayload({ phoneNumberId: "999000999000999" }, { waId: freshWaId(), wamid, text: "hi" }),
    );
    await processWebhookEvents(getDb(), { config });
    const [event] = await eventsLike(getDb(), `message:${wamid}`);
    expect(event).toMatchObject({ storeId: null, processedAt: null, nextAttemptAt: null });
    expect(event?.error).toMatch(/Unknown phone_number_id 999000999000999/);
  });
});

describe(`failures, retries and crashes [${testDbBackend}]`, () => {
  it("a processor killed mid-item leaves it pending; the next one applies it once", async () => {
    const waId = freshWaId();
    const wamid = nextWamid();
    const outcome = await receiveOnly(getDb(), textPayload(shop, { waId, wamid, text: "hello" }));
    await expect(
      processWebhookEvents(getDb(), {
        config,
        lanes: outcome.lanes,
        afterApply: async () => {
          throw new ProcessorCrash("killed");
        },
      }),
    ).rejects.toThrow("killed");
    const [pending] = await eventsLike(getDb(), `message:${wamid}`);
    expect(pending).toMatchObject({ processedAt: null, attempts: 0, error: null });
    expect(await inboundTexts(getDb(), shop.store.id, waId)).toHaveLength(0);

    expect(await processWebhookEvents(getDb(), { config, lanes: outcome.lanes })).toMatchObject({
      applied: 1,
    });
    expect(await inboundTexts(getDb(), shop.store.id, waId)).toHaveLength(1);
    const [replies] = await getDb()
      .select({ n: count() })
      .from(messages)
      .where(like(messages.dedupeKey, `reply:${wamid}:%`));
    const [distinctKeys] = await getDb()
      .selectDistinct({ n: count(messages.dedupeKey) })
      .from(messages)
      .where(like(messages.dedupeKey, `reply:${wamid}:%`));
    expect(replies?.n).toBeGreaterThan(0);
    expect(replies?.n).toBe(distinctKeys?.n);
  });

  it("retries a failing item with backoff, gives up after the last attempt, and Retry re-applies it", async () => {
    const waId = freshWaId();
    const wamid = nextWamid();
    const start = new Date(Date.now() - 24 * 3_600_000);
    const outcome = await receiveOnly(
      getDb(),
      textPayload(shop, { waId, wamid, text: "retry me" }),
      start,
    );
    const failing = async () => {
      throw new Error("the bot's database view is broken");
    };
    let at = start;
    for (let attempt = 1; attempt <= MAX_WEBHOOK_ATTEMPTS; attempt++) {
      const report = await processWebhookEvents(getDb(), {
        config,
        lanes: outcome.lanes,
        now: () => at,
        afterApply: failing,
      });
      expect(report).toEqual(
        attempt < MAX_WEBHOOK_ATTEMPTS
          ? { applied: 0, failed: 1, gaveUp: 0 }
          : { applied: 0, failed: 0, gaveUp: 1 },
      );
      const [event] = await eventsLike(getDb(), `message:${wamid}`);
      expect(event).toMatchObject({ attempts: attempt, storeId: shop.store.id });
      expect(event?.error).toBe("the bot's database view is broken");
      if (attempt < MAX_WEBHOOK_ATTEMPTS) {
        expect(event?.nextAttemptAt).toEqual(new Date(at.getTime() + webhookRetryDelayMs(attempt)));
        // Not due a moment before.
        const early = new Date(at.getTime() + webhookRetryDelayMs(attempt) - 1);
        expect(
          await processWebhookEvents(getDb(), { config, lanes: outcome.lanes, now: () => early }),
        ).toEqual({ applied: 0, failed: 0, gaveUp: 0 });
        at = event!.nextAttemptAt!;
      } else {
        expect(event?.nextAttemptAt).toBeNull();
      }
    }
    const failedEvent = (await listFailedWebhookEvents(getDb(), shop.store.id)).find(
      (event) => event.externalId === `message:${wamid}`,
    );
    expect(failedEvent).toMatchObject({ nextAttemptAt: null, attempts: MAX_WEBHOOK_ATTEMPTS });
    expect(await inboundTexts(getDb(), shop.store.id, waId)).toHaveLength(0);

    // "Retry" after the fix: only the owning store can, and today's code applies the raw item.
    const id = failedEvent!.id;
    expect(await requeueWebhookEvent(getDb(), other.store.id, id)).toEqual({
      ok: false,
      reason: "Not found or already applied",
    });
    expect(await requeueWebhookEvent(getDb(), shop.store.id, id)).toMatchObject({ ok: true });
    expect(await processWebhookEvents(getDb(), { config, lanes: outcome.lanes })).toEqual({
      applied: 1,
      failed: 0,
      gaveUp: 0,
    });
    expect(await inboundTexts(getDb(), shop.store.id, waId)).toEqual([
      expect.objectContaining({ body: "retry me" }),
    ]);
    expect(await requeueWebhookEvent(getDb(), shop.store.id, id)).toMatchObject({ ok: false });
    const [customer] = await getDb()
      .select()
      .from(customers)
      .where(and(eq(customers.storeId, shop.store.id), eq(customers.waId, waId)));
    expect(customer).toBeDefined();
  });
});
