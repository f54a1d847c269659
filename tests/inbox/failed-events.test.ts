import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { FAILED_EVENTS_LIMIT, listFailedWebhookEvents } from "@/lib/inbox/failed-events";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { deliverRaw, nextWamid, statusBody } from "../whatsapp/fixtures";
import { createInboxStore, customerWrites } from "./helpers";

const db = setupTestDatabase();

describe(`inbox: failed webhook events [${testDbBackend}]`, () => {
  it("lists this store's unapplied events with their error, newest first, and nothing else", async () => {
    const shop = await createInboxStore(db());
    const other = await createInboxStore(db());
    await customerWrites(db(), shop, "819300000001", "hello");
    // A status for a message the store never sent cannot be applied (yet): stored with the error.
    const older = nextWamid();
    await deliverRaw(
      db(),
      statusBody(shop, {
        wamid: older,
        recipientId: "819300000002",
        status: "delivered",
        timestamp: new Date(Date.now() - 60_000),
      }),
      {
        now: new Date(Date.now() - 60_000),
      },
    );
    const newer = nextWamid();
    await deliverRaw(db(), statusBody(shop, { wamid: newer, status: "read", recipientId: "819300000003" }));
    await deliverRaw(db(), statusBody(other, { wamid: nextWamid(), status: "read" }));

    const failed = await listFailedWebhookEvents(db(), shop.store.id);
    expect(failed.map((event) => event.externalId)).toEqual([
      `status:${newer}:read`,
      `status:${older}:delivered`,
    ]);
    expect(failed[0]).toMatchObject({ provider: "whatsapp", kind: "status", attempts: 1 });
    expect(failed[0]?.error).toMatch(/No message/);
    expect(failed[0]?.payloadPreview).toContain(newer);

    await db()
      .update(webhookEvents)
      .set({ processedAt: new Date() })
      .where(eq(webhookEvents.externalId, `status:${newer}:read`));
    expect(
      (await listFailedWebhookEvents(db(), shop.store.id)).map((event) => event.externalId),
    ).toEqual([`status:${older}:delivered`]);
    expect(await listFailedWebhookEvents(db(), other.store.id)).toHaveLength(1);
    expect(FAILED_EVENTS_LIMIT).toBe(50);
  });
});
