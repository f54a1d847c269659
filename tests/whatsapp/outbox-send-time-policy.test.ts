import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messageTemplates } from "@/db/schema";
import { agentReplyDedupeKey } from "@/lib/inbox/ids";
import { sendAgentReply } from "@/lib/inbox/reply";
import { saveCredential } from "@/lib/stores/credentials";
import type { OutgoingContent, TemplateCategory } from "@/lib/whatsapp/content";
import { CREDENTIALS_GIVE_UP_MS } from "@/lib/whatsapp/send-outbox";
import { testDbBackend } from "../support/database";
import { createChatStore, deliverRaw, inboundBody } from "./fixtures";
import { setupOutboxHarness } from "./outbox-harness";

const harness = setupOutboxHarness();
const { TOKEN, MINUTE, getDb, queueFor, text, messageRow, outboxRow, drain, report, at } =
  harness;
const HOUR = 60 * MINUTE;

const OUTSIDE_WINDOW =
  "More than 24 hours since the customer's last message: only an approved template may be sent.";
const MARKETING_NOTE =
  " A marketing template needs the customer's opt-in, even inside the 24-hour window.";

/** One of the shop's templates, with no variables, and the content that sends it. */
async function addTemplate(category: TemplateCategory) {
  const name = `offer_${randomUUID().slice(0, 8)}`;
  const [row] = await getDb()
    .insert(messageTemplates)
    .values({ storeId: harness.shop.store.id, name, language: "en", category, body: "Hi!" })
    .returning();
  if (!row) throw new Error("template insert returned no row");
  const content: OutgoingContent = {
    type: "template",
    name,
    language: "en",
    bodyParameters: [],
    category,
  };
  return { row, content };
}

async function customerSendsStop(waId: string) {
  const { body } = inboundBody(harness.shop, { type: "text", text: "STOP" }, { waId });
  expect(await deliverRaw(getDb(), body)).toMatchObject({ status: 200, stored: 1 });
}

function sentBodies(): unknown[] {
  return harness.fake.requests.map((request) => request.body);
}

describe(`outbox: consent and the window decided again at send time [${testDbBackend}]`, () => {
  it("blocks a free-form message whose 24-hour window closed while it waited, sending nothing", async () => {
    const base = new Date();
    const { messageIds } = await queueFor([text("Your parcel is on its way")], { now: base });

    expect(await drain({ now: at(base, 24 * HOUR + MINUTE) })).toEqual(report({ blocked: 1 }));
    expect(harness.fake.requests).toHaveLength(0);
    expect(await messageRow(messageIds[0])).toMatchObject({
      status: "blocked",
      errorReason: OUTSIDE_WINDOW,
      waMessageId: null,
      sentAt: null,
    });
    const row = await outboxRow(messageIds[0]);
    expect(row).toMatchObject({ sentAt: null, sendStartedAt: null, lastError: OUTSIDE_WINDOW });
    expect(row.failedAt).toBeInstanceOf(Date);

    // Finished, not retried.
    expect(await drain({ now: at(base, 48 * HOUR) })).toEqual(report({}));
    expect(harness.fake.requests).toHaveLength(0);
  });

  it("still sends a message the policy still allows, and a blocked one does not hold the next", async () => {
    const base = new Date();
    const early = await queueFor([text("Within the day")], { now: base });
    expect(await drain({ now: at(base, 23 * HOUR) })).toEqual(report({ sent: 1 }));
    expect(await messageRow(early.messageIds[0])).toMatchObject({ status: "sent" });

    const { content } = await addTemplate("utility");
    const late = await queueFor([text("Free text"), content], {
      now: base,
      customer: { optedInAt: new Date(base.getTime() - HOUR) },
    });
    expect(await drain({ now: at(base, 25 * HOUR) })).toEqual(report({ blocked: 1, sent: 1 }));
    expect(await messageRow(late.messageIds[0])).toMatchObject({ status: "blocked" });
    expect(await messageRow(late.messageIds[1])).toMatchObject({ status: "sent" });
    expect(harness.fake.requests).toHaveLength(2);
    expect(harness.fake.requests[1]?.body).toMatchObject({ type: "template" });
  });

  it("blocks a business-initiated message after the customer sent STOP, and still answers the STOP", async () => {
    const base = new Date();
    const { waId, messageIds } = await queueFor([text("20% off this weekend")], {
      now: base,
      customer: { optedInAt: new Date(base.getTime() - HOUR) },
      purpose: "business_initiated",
    });
    await customerSendsStop(waId);

    expect(await drain({ now: at(base, MINUTE) })).toEqual(report({ blocked: 1, sent: 1 }));
    expect(await messageRow(messageIds[0])).toMatchObject({
      status: "blocked",
      errorReason: "The customer opted out (STOP).",
    });
    expect(harness.fake.requests).toHaveLength(1);
    expect(sentBodies()).not.toContainEqual(
      expect.objectContaining({ text: expect.objectContaining({ body: "20% off this weekend" }) }),
    );
  });

  it("blocks a marketing template at send time once the customer opted out, inside the window", async () => {
    const base = new Date();
    const { content } = await addTemplate("marketing");
    const { waId, messageIds } = await queueFor([content], {
      now: base,
      customer: { optedInAt: new Date(base.getTime() - HOUR) },
    });
    await customerSendsStop(waId);

    expect(await drain({ now: at(base, MINUTE) })).toEqual(report({ blocked: 1, sent: 1 }));
    expect(await messageRow(messageIds[0])).toMatchObject({
      status: "blocked",
      errorReason: `The customer opted out (STOP).${MARKETING_NOTE}`,
    });
    expect(harness.fake.requests).toHaveLength(1);
    expect(harness.fake.requests[0]?.body).toMatchObject({ type: "text" });
  });

  it("blocks a template the store made marketing before it was sent, to a customer who never opted in", async () => {
    const base = new Date();
    const utility = await addTemplate("utility");
    const recategorised = await addTemplate("utility");
    const kept = await queueFor([utility.content], { now: base });
    const changed = await queueFor([recategorised.content], { now: base });
    await getDb()
      .update(messageTemplates)
      .set({ category: "marketing" })
      .where(eq(messageTemplates.id, recategorised.row.id));

    expect(await drain({ now: at(base, MINUTE) })).toEqual(report({ blocked: 1, sent: 1 }));
    // A utility template inside the window keeps today's rule: no opt-in needed.
    expect(await messageRow(kept.messageIds[0])).toMatchObject({ status: "sent" });
    expect(await messageRow(changed.messageIds[0])).toMatchObject({
      status: "blocked",
      errorReason: `The customer has not opted in to messages from the store.${MARKETING_NOTE}`,
    });
    expect(harness.fake.requests).toHaveLength(1);
  });

  it(`gives up on a row whose store's credentials stay unreadable for ${CREDENTIALS_GIVE_UP_MS / HOUR} hours`, async () => {
    const base = new Date();
    const broken = await createChatStore(getDb());
    const otherKey = Buffer.alloc(32, 9).toString("base64");
    await saveCredential(getDb(), broken.store.id, "whatsapp_access_token", TOKEN, otherKey);
    const { messageIds } = await queueFor([text("Waiting for a token")], {
      store: broken,
      now: base,
    });

    expect(await drain({ now: at(base, 0) })).toEqual(report({ retrying: 1 }));
    expect(await drain({ now: at(base, CREDENTIALS_GIVE_UP_MS - 10 * MINUTE) })).toEqual(
      report({ retrying: 1 }),
    );
    expect(await messageRow(messageIds[0])).toMatchObject({ status: "queued" });

    expect(await drain({ now: at(base, CREDENTIALS_GIVE_UP_MS) })).toEqual(report({ failed: 1 }));
    const message = await messageRow(messageIds[0]);
    expect(message).toMatchObject({ status: "failed", errorCode: null, waMessageId: null });
    expect(message.errorReason).toMatch(
      /^Cannot read the store's WhatsApp credentials .*enter them again in Settings\. Gave up after 24 hours\.$/,
    );
    const row = await outboxRow(messageIds[0]);
    expect(row.failedAt).toBeInstanceOf(Date);
    expect(row.lastError).toBe(message.errorReason);

    expect(await drain({ now: at(base, CREDENTIALS_GIVE_UP_MS + HOUR) })).toEqual(report({}));
    expect(harness.fake.requests).toHaveLength(0);
  });
});

describe(`inbox: marketing templates need an opt-in when queued [${testDbBackend}]`, () => {
  const agentSends = (conversationId: string, templateId: string) =>
    sendAgentReply(getDb(), {
      storeId: harness.shop.store.id,
      conversationId,
      userId: "agent-user",
      dedupeKey: agentReplyDedupeKey(conversationId, randomUUID()),
      now: new Date(),
      template: { templateId, parameters: [] },
    });

  it("refuses a marketing template inside the window to a customer not opted in or opted out", async () => {
    const marketing = await addTemplate("marketing");
    const utility = await addTemplate("utility");
    const notAsked = await queueFor([]);
    const optedOut = await queueFor([], { customer: { optedOutAt: new Date() } });

    const refused = await agentSends(notAsked.conversationId, marketing.row.id);
    expect(refused).toEqual({
      ok: false,
      error: "blocked",
      reason: "no_consent",
      explanation: `The customer has not opted in to messages from the store.${MARKETING_NOTE}`,
      messageId: expect.any(String),
    });
    if (refused.ok || refused.error !== "blocked") throw new Error("expected a refusal");
    expect(await messageRow(refused.messageId)).toMatchObject({
      status: "blocked",
      author: "agent",
    });
    await expect(outboxRow(refused.messageId)).rejects.toThrow(/no outbox row/);

    expect(await agentSends(optedOut.conversationId, marketing.row.id)).toMatchObject({
      ok: false,
      error: "blocked",
      reason: "opted_out",
      explanation: `The customer opted out (STOP).${MARKETING_NOTE}`,
    });

    // A utility template inside the window keeps today's rule.
    expect(await agentSends(notAsked.conversationId, utility.row.id)).toMatchObject({
      ok: true,
      duplicate: false,
    });
  });

  it("queues a marketing template to an opted-in customer, with its category recorded", async () => {
    const marketing = await addTemplate("marketing");
    const optedIn = await queueFor([], { customer: { optedInAt: new Date(Date.now() - HOUR) } });
    const queued = await agentSends(optedIn.conversationId, marketing.row.id);
    expect(queued).toMatchObject({ ok: true, duplicate: false });
    if (!queued.ok || queued.duplicate) throw new Error("expected a queued template");
    expect((await outboxRow(queued.messageId)).payload).toEqual({
      to: optedIn.waId,
      content: marketing.content,
      purpose: "reply",
    });
    expect(await drain()).toEqual(report({ sent: 1 }));
    // The category is ours: it never reaches the Graph API.
    expect(harness.fake.requests[0]?.body).toStrictEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: optedIn.waId,
      type: "template",
      template: { name: marketing.row.name, language: { code: "en" } },
    });
  });
});
