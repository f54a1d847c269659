import { eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { events, messages, outbox, rateLimitBuckets, webhookEvents } from "@/db/schema";
import { pruneRetained, type RetentionPolicy } from "@/lib/processing/retention";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  deliverRaw,
  inboundBody,
  nextWamid,
} from "../whatsapp/fixtures";
import { freshWaId, receiveOnly, textPayload } from "./helpers";

const getDb = setupTestDatabase();
const DAY = 86_400_000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const policy: RetentionPolicy = { webhookDays: 30, outboxDays: 7, eventsDays: 365, batch: 2 };
let shop: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
});

describe(`retention [${testDbBackend}]`, () => {
  it("prunes only what is old and done, at most a batch per table per run, and keeps messages", async () => {
    // Three applied items, one pending, one given up: all received long ago.
    const applied: string[] = [];
    for (let i = 0; i < 3; i++) {
      const wamid = nextWamid();
      await deliverRaw(
        getDb(),
        inboundBody(shop, { type: "text", text: "hi" }, { wamid, waId: freshWaId() }).body,
      );
      applied.push(`message:${wamid}`);
    }
    await getDb()
      .update(webhookEvents)
      .set({ processedAt: daysAgo(31) })
      .where(inArray(webhookEvents.externalId, applied));
    const pendingWamid = nextWamid();
    await receiveOnly(
      getDb(),
      textPayload(shop, { waId: freshWaId(), wamid: pendingWamid, text: "x" }),
      daysAgo(90),
    );
    const failedWamid = nextWamid();
    await receiveOnly(
      getDb(),
      textPayload(
        { phoneNumberId: "999111999111999" },
        { waId: freshWaId(), wamid: failedWamid, text: "x" },
      ),
      daysAgo(90),
    );
    await getDb()
      .update(webhookEvents)
      .set({ error: "Unknown phone_number_id", nextAttemptAt: null, attempts: 1 })
      .where(eq(webhookEvents.externalId, `message:${failedWamid}`));

    // The bot's replies: mark them delivered long ago, except one delivered yesterday.
    const replies = await getDb()
      .select({ id: outbox.id, messageId: outbox.messageId })
      .from(outbox);
    expect(replies.length).toBeGreaterThanOrEqual(3);
    await getDb()
      .update(outbox)
      .set({ sentAt: daysAgo(8) });
    await getDb()
      .update(outbox)
      .set({ sentAt: daysAgo(1) })
      .where(eq(outbox.id, replies[0]!.id));

    await getDb()
      .insert(rateLimitBuckets)
      .values([
        { key: `test:old:${Date.now()}`, windowStartedAt: daysAgo(3), count: 1 },
        { key: `test:new:${Date.now()}`, windowStartedAt: now, count: 1 },
      ]);
    await getDb()
      .insert(events)
      .values([
        { storeId: shop.store.id, type: "test_old", createdAt: daysAgo(400) },
        { storeId: shop.store.id, type: "test_new", createdAt: daysAgo(10) },
      ]);

    const first = await pruneRetained(getDb(), policy, now);
    expect(first).toEqual({ webhookEvents: 2, outbox: 2, rateLimits: 1, events: 1 });
    const second = await pruneRetained(getDb(), policy, now);
    expect(second.webhookEvents).toBe(1);
    const oldReplies = replies.length - 1;
    expect(second.outbox).toBe(Math.min(2, oldReplies - 2));
    let runs = 2;
    let last = second;
    while (last.outbox > 0 || last.webhookEvents > 0) {
      last = await pruneRetained(getDb(), policy, now);
      runs++;
    }
    expect(runs).toBe(2 + Math.ceil(Math.max(0, oldReplies - 4) / 2) + 1);
    expect(last).toEqual({ webhookEvents: 0, outbox: 0, rateLimits: 0, events: 0 });

    const left = await getDb()
      .select()
      .from(webhookEvents)
      .where(like(webhookEvents.externalId, "message:%"));
    expect(left.map((row) => row.externalId).sort()).toEqual(
      [`message:${pendingWamid}`, `message:${failedWamid}`].sort(),
    );
    expect((await getDb().select().from(outbox)).map((row) => row.id)).toEqual([replies[0]!.id]);
    // Every message — the inbound ones and the bot's sent replies — is still there.
    const kept = await getDb()
      .select({ id: messages.id })
      .from(messages)
      .where(
        inArray(
          messages.id,
          replies.map((reply) => reply.messageId),
        ),
      );
    expect(kept).toHaveLength(replies.length);
    expect((await getDb().select().from(events)).map((row) => row.type)).toContain("test_new");
    expect((await getDb().select().from(events)).map((row) => row.type)).not.toContain("test_old");
  });
});
