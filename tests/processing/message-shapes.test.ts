import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { conversations, customers, messages, webhookEvents } from "@/db/schema";
import { processWebhookEvents } from "@/lib/processing/processor";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  nextWamid,
  testPlatformConfig,
} from "../whatsapp/fixtures";
import { customerMessage, deliverAndApply, freshWaId, textPayload } from "./helpers";

const getDb = setupTestDatabase();
let shop: ChatStoreFixture;
let otherShop: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
  otherShop = await createChatStore(getDb());
});

async function threadOf(waId: string, store = shop) {
  const [customer] = await getDb()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, store.store.id), eq(customers.waId, waId)));
  if (!customer) return { customer: null, rows: [] };
  const rows = await getDb()
    .select()
    .from(messages)
    .where(eq(messages.customerId, customer.id))
    .orderBy(messages.createdAt);
  return { customer, rows };
}

const outboundOf = (rows: (typeof messages.$inferSelect)[]) =>
  rows.filter((row) => row.direction === "outbound");

/** A customer who has said "hi" and got the bot's replies (the first one sent, with its wamid). */
async function customerInConversation(store = shop) {
  const waId = freshWaId();
  const wamid = nextWamid();
  await deliverAndApply(getDb(), textPayload(store, { waId, wamid, text: "hi" }));
  const { rows } = await threadOf(waId, store);
  const reply = outboundOf(rows)[0]!;
  const replyWamid = nextWamid();
  // As the outbox records it once Meta accepted the send.
  await getDb().update(messages).set({ waMessageId: replyWamid }).where(eq(messages.id, reply.id));
  return { waId, wamid, replyWamid, outboundCount: outboundOf(rows).length };
}

describe(`message shapes, applied [${testDbBackend}]`, () => {
  it("a reaction is recorded on our message, its removal clears it, and the bot says nothing", async () => {
    const { waId, replyWamid, outboundCount } = await customerInConversation();
    const react = (emoji: string) =>
      customerMessage(shop, waId, nextWamid(), "reaction", {
        reaction: { message_id: replyWamid, emoji },
      });
    await deliverAndApply(getDb(), react("🙏"));
    let { rows } = await threadOf(waId);
    expect(rows.find((row) => row.waMessageId === replyWamid)).toMatchObject({ reaction: "🙏" });
    await deliverAndApply(getDb(), react(""));
    ({ rows } = await threadOf(waId));
    expect(rows.find((row) => row.waMessageId === replyWamid)?.reaction).toBeNull();
    expect(outboundOf(rows)).toHaveLength(outboundCount);
    expect(rows.filter((row) => row.direction === "inbound")).toHaveLength(1);
  });

  it("an edit keeps the original text, a revoke marks the message deleted, with no reply", async () => {
    const { waId, outboundCount } = await customerInConversation();
    const askWamid = nextWamid();
    await deliverAndApply(getDb(), textPayload(shop, { waId, wamid: askWamid, text: "3 bowls" }));
    const before = outboundOf((await threadOf(waId)).rows).length;
    expect(before).toBeGreaterThan(outboundCount);
    const edit = customerMessage(shop, waId, nextWamid(), "edit", {
      edit: { original_message_id: askWamid, message: { type: "text", text: { body: "2 bowls" } } },
    });
    await deliverAndApply(getDb(), edit);
    let { rows } = await threadOf(waId);
    expect(rows.find((row) => row.waMessageId === askWamid)).toMatchObject({
      body: "2 bowls",
      originalBody: "3 bowls",
    });
    await deliverAndApply(
      getDb(),
      customerMessage(shop, waId, nextWamid(), "revoke", {
        revoke: { original_message_id: askWamid },
      }),
    );
    ({ rows } = await threadOf(waId));
    expect(rows.find((row) => row.waMessageId === askWamid)?.deletedAt).toBeInstanceOf(Date);
    expect(outboundOf(rows)).toHaveLength(before);
  });

  it("a reaction naming another store's message changes nothing there, and is noted", async () => {
    const theirs = await customerInConversation(otherShop);
    const { waId } = await customerInConversation();
    const forged = customerMessage(shop, waId, nextWamid(), "reaction", {
      reaction: { message_id: theirs.replyWamid, emoji: "😈" },
    });
    const now = new Date();
    const { outcome } = await deliverAndApply(getDb(), forged, { now });
    // Retried once (our own send may still be being written), then noted.
    await processWebhookEvents(getDb(), {
      config: testPlatformConfig(),
      lanes: outcome.lanes,
      now: () => new Date(now.getTime() + 60_000),
    });
    const target = (await threadOf(theirs.waId, otherShop)).rows.find(
      (row) => row.waMessageId === theirs.replyWamid,
    );
    expect(target?.reaction).toBeNull();
    const events = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.lane, outcome.lanes[0]!));
    const reaction = events.find((row) => row.kind === "message" && row.note !== null);
    expect(reaction).toMatchObject({ note: expect.stringContaining("No message") });
    expect(reaction?.processedAt).toBeInstanceOf(Date);
  });

  it("user_changed_number: the customer follows the new number with their history, a note, no reply", async () => {
    const { waId, outboundCount } = await customerInConversation();
    const { customer: before } = await threadOf(waId);
    const newWaId = freshWaId();
    const notice = customerMessage(shop, waId, nextWamid(), "system", {
      system: {
        body: `User Shopper changed from ${waId} to ${newWaId}`,
        new_wa_id: newWaId,
        type: "user_changed_number",
      },
    });
    await deliverAndApply(getDb(), notice);
    expect((await threadOf(waId)).customer).toBeNull();
    const { customer, rows } = await threadOf(newWaId);
    expect(customer).toMatchObject({ id: before!.id, phone: `+${newWaId}` });
    expect(rows.at(-1)).toMatchObject({ author: "system", type: "system" });
    expect(rows.at(-1)?.body).toContain(newWaId);
    expect(outboundOf(rows)).toHaveLength(outboundCount);
  });

  it("request_welcome gets the greeting and menu, not 'unsupported'", async () => {
    const waId = freshWaId();
    await deliverAndApply(getDb(), customerMessage(shop, waId, nextWamid(), "request_welcome", {}));
    const [reply] = outboundOf((await threadOf(waId)).rows);
    expect(reply).toMatchObject({ intent: "menu", type: "list" });
  });

  it("a native catalog order is kept whole, matched by SKU and answered with its payment link", async () => {
    const waId = freshWaId();
    const order = {
      catalog_id: "cat-1",
      product_items: [
        { product_retailer_id: shop.matcha.sku, quantity: 2, item_price: 3200, currency: "JPY" },
        { product_retailer_id: "NOT-OURS", quantity: 1, item_price: 500, currency: "JPY" },
      ],
    };
    await deliverAndApply(getDb(), customerMessage(shop, waId, nextWamid(), "order", { order }));
    const { customer, rows } = await threadOf(waId);
    const inbound = rows.find((row) => row.direction === "inbound");
    expect(inbound?.content).toMatchObject({
      kind: "order",
      items: [
        {
          retailerId: shop.matcha.sku,
          quantity: 2,
          unitPriceMinor: 3200,
          productId: shop.matcha.id,
        },
        { retailerId: "NOT-OURS", quantity: 1, productId: null },
      ],
    });
    // The unknown item is named; the rest is an order with its link (tests/orders/).
    const [reply, link] = outboundOf(rows);
    expect(reply).toMatchObject({ intent: "catalog-order" });
    expect(reply?.body).toContain("NOT-OURS");
    expect(link).toMatchObject({ intent: "catalog-order", type: "cta_url" });
    expect(link?.body).toContain("Uji Matcha");
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.customerId, customer!.id));
    expect(conversation?.status).toBe("bot");
  });

  it("a contacts card is kept with its data and answered", async () => {
    const waId = freshWaId();
    const contacts = [{ name: { formatted_name: "Kenji Sato" }, phones: [{ phone: "+81 90" }] }];
    await deliverAndApply(
      getDb(),
      customerMessage(shop, waId, nextWamid(), "contacts", { contacts }),
    );
    const { rows } = await threadOf(waId);
    expect(rows.find((row) => row.direction === "inbound")).toMatchObject({
      body: "[contact] Kenji Sato",
      content: {
        kind: "contacts",
        contacts: [{ name: "Kenji Sato", phones: [{ phone: "+81 90" }] }],
      },
    });
    expect(outboundOf(rows)[0]?.body).toContain("contact");
  });

  it("an unsupported message is answered once per conversation, with Meta's error kept", async () => {
    const waId = freshWaId();
    const unsupported = () =>
      customerMessage(shop, waId, nextWamid(), "unsupported", {
        errors: [{ code: 131051, title: "Message type unknown" }],
      });
    await deliverAndApply(getDb(), unsupported());
    const first = outboundOf((await threadOf(waId)).rows);
    expect(first[0]).toMatchObject({ intent: "unsupported", type: "list" });
    await deliverAndApply(getDb(), unsupported());
    const { rows } = await threadOf(waId);
    const inbound = rows.filter((row) => row.direction === "inbound");
    expect(inbound).toHaveLength(2);
    expect(inbound[1]?.content).toMatchObject({ errors: [{ code: 131051 }] });
    expect(outboundOf(rows)).toHaveLength(first.length);
  });

  it("an image's caption chooses the reply language like text does", async () => {
    const waId = freshWaId();
    const image = {
      id: "1",
      mime_type: "image/jpeg",
      sha256: "x",
      caption: "これの青はありますか",
    };
    await deliverAndApply(getDb(), customerMessage(shop, waId, nextWamid(), "image", { image }));
    const { customer } = await threadOf(waId);
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.customerId, customer!.id));
    expect(conversation?.language).toBe("ja");
  });
});
