import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, messages, outbox } from "@/db/schema";
import { processWebhookEvents } from "@/lib/processing/processor";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  nextWamid,
  testPlatformConfig,
} from "../whatsapp/fixtures";
import { batched, freshWaId, receiveOnly, textPayload } from "./helpers";

const getDb = setupTestDatabase();
const config = testPlatformConfig();
let shop: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
});

let bsuidCounter = 0;
const freshBsuid = () => `JP.${Date.now()}${++bsuidCounter}`;

/** A message from a customer who shows a username and hides their number (Meta, 2026). */
function usernamePayload(bsuid: string, wamid: string, username: string) {
  const payload = textPayload(shop, { waId: "0", wamid, text: "hello" });
  const value = payload.entry[0]!.changes[0]!.value as Record<string, unknown>;
  value.contacts = [{ profile: { name: "Mika", username }, user_id: bsuid }];
  value.messages = [
    {
      from_user_id: bsuid,
      id: wamid,
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: "text",
      text: { body: "hello" },
    },
  ];
  return payload;
}

const customerBy = async (column: "userId" | "waId", value: string) =>
  getDb()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, shop.store.id), eq(customers[column], value)));

describe(`customers without phone numbers [${testDbBackend}]`, () => {
  it("applies a username-only message beside a phone message in one delivery, and answers by BSUID", async () => {
    const bsuid = freshBsuid();
    const waId = freshWaId();
    const body = batched([
      textPayload(shop, { waId, wamid: nextWamid(), text: "hi" }),
      usernamePayload(bsuid, nextWamid(), "mika.tea"),
    ]);
    const outcome = await receiveOnly(getDb(), body);
    expect(outcome).toMatchObject({ stored: 2 });
    expect(await processWebhookEvents(getDb(), { config, lanes: outcome.lanes })).toEqual({
      applied: 2,
      failed: 0,
      gaveUp: 0,
    });

    const [mika] = await customerBy("userId", bsuid);
    expect(mika).toMatchObject({ waId: null, phone: null, username: "mika.tea", name: "Mika" });
    expect(await customerBy("waId", waId)).toHaveLength(1);
    const sends = await getDb().select().from(outbox).where(eq(outbox.customerId, mika!.id));
    expect(sends.length).toBeGreaterThan(0);
    for (const send of sends) {
      expect(send.payload).toMatchObject({ recipient: bsuid });
      expect(send.payload).not.toHaveProperty("to");
    }
    const inbound = await getDb()
      .select()
      .from(messages)
      .where(and(eq(messages.customerId, mika!.id), eq(messages.direction, "inbound")));
    expect(inbound).toHaveLength(1);

    // Meta's status for a reply to her names only her BSUID.
    const replyWamid = nextWamid();
    await getDb()
      .update(messages)
      .set({ waMessageId: replyWamid, status: "sent" })
      .where(eq(messages.id, sends[0]!.messageId));
    const status = textPayload(shop, { waId: "0", wamid: "unused", text: "" });
    const statusValue = status.entry[0]!.changes[0]!.value as Record<string, unknown>;
    delete statusValue.contacts;
    delete statusValue.messages;
    statusValue.statuses = [
      {
        id: replyWamid,
        status: "read",
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_user_id: bsuid,
      },
    ];
    const delivered = await receiveOnly(getDb(), status);
    expect(delivered.lanes).toEqual([`whatsapp:${shop.phoneNumberId}:${bsuid}`]);
    expect(await processWebhookEvents(getDb(), { config, lanes: delivered.lanes })).toMatchObject({
      applied: 1,
      failed: 0,
    });
    const [reply] = await getDb()
      .select()
      .from(messages)
      .where(eq(messages.id, sends[0]!.messageId));
    expect(reply?.status).toBe("read");
  });

  it("gives a customer known by number their BSUID when Meta starts sending it: one customer, not two", async () => {
    const waId = freshWaId();
    const bsuid = freshBsuid();
    const first = await receiveOnly(
      getDb(),
      textPayload(shop, { waId, wamid: nextWamid(), text: "hi" }),
    );
    await processWebhookEvents(getDb(), { config, lanes: first.lanes });

    const later = textPayload(shop, { waId, wamid: nextWamid(), text: "again" });
    const value = later.entry[0]!.changes[0]!.value as Record<string, unknown>;
    (value.messages as Record<string, unknown>[])[0]!.from_user_id = bsuid;
    (value.contacts as Record<string, unknown>[])[0]!.user_id = bsuid;
    const second = await receiveOnly(getDb(), later);
    await processWebhookEvents(getDb(), { config, lanes: second.lanes });

    const rows = await customerBy("waId", waId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: bsuid, phone: `+${waId}` });
    expect(await customerBy("userId", bsuid)).toHaveLength(1);
  });
});
