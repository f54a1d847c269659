import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { retryFailedWebhookEvent } from "@/lib/inbox/retry-failed-event";
import { splitWhatsAppWebhook } from "@/lib/whatsapp/split-webhook";
import { freshWaId, inboundTexts, textPayload } from "../processing/helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  nextWamid,
  testPlatformConfig,
} from "../whatsapp/fixtures";

const getDb = setupTestDatabase();
let shop: ChatStoreFixture;
let other: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
  other = await createChatStore(getDb());
});

/** A message of `shop` whose application gave up (say, a bug since fixed). */
async function givenUpMessage(waId: string) {
  const split = splitWhatsAppWebhook(
    JSON.stringify(textPayload(shop, { waId, wamid: nextWamid(), text: "after the fix" })),
  );
  if (!split.ok || !split.items[0]) throw new Error("expected one item");
  const item = split.items[0];
  const [row] = await getDb()
    .insert(webhookEvents)
    .values({
      provider: "whatsapp",
      externalId: item.externalId,
      storeId: shop.store.id,
      kind: item.kind,
      lane: item.lane,
      payload: item.payload,
      error: "a bug since fixed",
      attempts: 8,
      nextAttemptAt: null,
    })
    .returning();
  return row!;
}

describe(`Retry on a failed event [${testDbBackend}]`, () => {
  it("re-applies the stored item for its own store only", async () => {
    const waId = freshWaId();
    const event = await givenUpMessage(waId);
    const config = testPlatformConfig();

    expect(await retryFailedWebhookEvent(getDb(), other.store.id, event.id, config)).toEqual({
      ok: false,
      reason: "Not found or already applied",
    });
    expect(await inboundTexts(getDb(), shop.store.id, waId)).toHaveLength(0);

    expect(await retryFailedWebhookEvent(getDb(), shop.store.id, event.id, config)).toEqual({
      ok: true,
      applied: true,
      error: null,
    });
    expect(await inboundTexts(getDb(), shop.store.id, waId)).toEqual([
      expect.objectContaining({ body: "after the fix" }),
    ]);
    const [after] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.id, event.id));
    expect(after).toMatchObject({ error: null });
    expect(after?.processedAt).not.toBeNull();
    expect(await retryFailedWebhookEvent(getDb(), shop.store.id, event.id, config)).toMatchObject({
      ok: false,
    });
  });
});
