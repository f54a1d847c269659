import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { messages, outbox } from "@/db/schema";
import { deliverOutbox } from "@/lib/jobs/tick";
import { agentReplyDedupeKey } from "@/lib/inbox/ids";
import { closeConversation } from "@/lib/inbox/manage";
import { sendAgentReply } from "@/lib/inbox/reply";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { testPlatformConfig } from "../whatsapp/fixtures";
import {
  addTemplate,
  agentMessages,
  CONSENT_YES,
  conversationRow,
  createInboxStore,
  customerWrites,
  hoursAgo,
  type InboxStore,
  outboxOf,
} from "./helpers";

const db = setupTestDatabase();

describe(`inbox: agent replies through the outbox [${testDbBackend}]`, () => {
  let shop: InboxStore;
  let other: InboxStore;

  beforeEach(async () => {
    shop = await createInboxStore(db());
    other = await createInboxStore(db());
  });

  const reply = (
    conversationId: string,
    content: { text: string } | { template: { templateId: string; parameters: string[] } },
    key = randomUUID(),
  ) =>
    sendAgentReply(db(), {
      storeId: shop.store.id,
      conversationId,
      userId: shop.owner.userId,
      dedupeKey: agentReplyDedupeKey(conversationId, key),
      now: new Date(),
      ...content,
    });

  /** A customer who last wrote 25 hours ago, after opting in. */
  async function quietCustomer(waId: string) {
    await customerWrites(db(), shop, waId, "hello", { timestamp: hoursAgo(26) });
    return customerWrites(db(), shop, waId, CONSENT_YES, { timestamp: hoursAgo(25) });
  }

  it("queues a reply inside the window with author agent, takes the chat over and sends it", async () => {
    const chat = await customerWrites(db(), shop, "819200000001", "is the matcha in stock?");
    expect(chat.status).toBe("bot");
    const result = await reply(chat.id, { text: "Yes, we have 12 tins." });
    expect(result).toMatchObject({ ok: true, duplicate: false });
    if (!result.ok || result.duplicate) throw new Error("expected a queued reply");

    const [message] = await agentMessages(db(), chat.id);
    expect(message).toMatchObject({
      id: result.messageId,
      direction: "outbound",
      author: "agent",
      agentUserId: shop.owner.userId,
      status: "queued",
      type: "text",
      body: "Yes, we have 12 tins.",
    });
    const [row] = await outboxOf(db(), result.messageId);
    expect(row?.payload).toEqual({
      to: "819200000001",
      content: { type: "text", text: "Yes, we have 12 tins." },
      purpose: "reply",
    });
    expect(await conversationRow(db(), chat.id)).toMatchObject({ status: "agent", unreadCount: 0 });

    await deliverOutbox(db(), testPlatformConfig());
    const [sent] = await db().select().from(messages).where(eq(messages.id, result.messageId));
    expect(sent?.status).toBe("delivered");
    expect(sent?.waMessageId).toMatch(/^wamid\.SANDBOX\./);
  });

  it("sends once when the same form is submitted twice, even at the same moment", async () => {
    const chat = await customerWrites(db(), shop, "819200000002", "hi");
    const key = randomUUID();
    const first = await reply(chat.id, { text: "Hello!" }, key);
    const again = await reply(chat.id, { text: "Hello!" }, key);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toEqual({ ok: true, messageId: null, duplicate: true });

    const burstKey = randomUUID();
    const burst = await Promise.all(
      Array.from({ length: 5 }, () => reply(chat.id, { text: "Once" }, burstKey)),
    );
    expect(burst.filter((result) => result.ok && !result.duplicate)).toHaveLength(1);
    const sent = await agentMessages(db(), chat.id);
    expect(sent.map((message) => message.body).sort()).toEqual(["Hello!", "Once"]);
    const rows = await db().select().from(outbox).where(eq(outbox.customerId, chat.customerId));
    expect(rows.filter((row) => sent.some((message) => message.id === row.messageId))).toHaveLength(
      2,
    );
  });

  it("refuses free text outside the 24-hour window, records why, and queues a template instead", async () => {
    const chat = await quietCustomer("819200000003");
    const refused = await reply(chat.id, { text: "Are you still interested?" });
    expect(refused).toMatchObject({ ok: false, error: "blocked", reason: "outside_window" });
    const [blocked] = await agentMessages(db(), chat.id);
    expect(blocked).toMatchObject({ status: "blocked", body: "Are you still interested?" });
    expect(blocked?.errorReason).toMatch(/24 hours/);
    expect(await outboxOf(db(), blocked!.id)).toEqual([]);

    const template = await addTemplate(db(), shop.store.id);
    const sent = await reply(chat.id, {
      template: { templateId: template.id, parameters: [" Aiko ", "#1042"] },
    });
    expect(sent).toMatchObject({ ok: true, duplicate: false });
    if (!sent.ok || sent.duplicate) throw new Error("expected a queued template");
    const [row] = await outboxOf(db(), sent.messageId);
    expect(row?.payload).toEqual({
      to: "819200000003",
      content: {
        type: "template",
        name: "order_update",
        language: "en",
        bodyParameters: ["Aiko", "#1042"],
        category: "utility",
      },
      purpose: "reply",
    });
  });

  it("blocks a template outside the window to a customer who never opted in", async () => {
    const chat = await customerWrites(db(), shop, "819200000004", "hello", {
      timestamp: hoursAgo(30),
    });
    const template = await addTemplate(db(), shop.store.id, {
      name: "back_in_stock",
      body: "It is back!",
      variableCount: 0,
    });
    const result = await reply(chat.id, { template: { templateId: template.id, parameters: [] } });
    expect(result).toMatchObject({ ok: false, error: "blocked", reason: "no_consent" });
    const [message] = await agentMessages(db(), chat.id);
    expect(message?.status).toBe("blocked");
    expect(await outboxOf(db(), message!.id)).toEqual([]);
  });

  it("writes nothing for a wrong template, missing variables, a closed chat or another store's chat", async () => {
    const chat = await quietCustomer("819200000005");
    const template = await addTemplate(db(), shop.store.id);
    const foreignTemplate = await addTemplate(db(), other.store.id);
    const foreignChat = await customerWrites(db(), other, "819200000006", "hello");

    expect(
      await reply(chat.id, { template: { templateId: template.id, parameters: ["Aiko"] } }),
    ).toEqual({
      ok: false,
      error: "template_parameters",
      expected: 2,
    });
    expect(
      await reply(chat.id, { template: { templateId: template.id, parameters: ["Aiko", "  "] } }),
    ).toMatchObject({
      error: "template_parameters",
    });
    expect(
      await reply(chat.id, {
        template: { templateId: foreignTemplate.id, parameters: ["a", "b"] },
      }),
    ).toEqual({
      ok: false,
      error: "template_not_found",
    });
    expect(await reply(foreignChat.id, { text: "hi from the wrong store" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await reply("not-a-uuid", { text: "hi" })).toEqual({ ok: false, error: "not_found" });
    await closeConversation(db(), shop.store.id, chat.id, new Date());
    expect(await reply(chat.id, { text: "still there?" })).toEqual({ ok: false, error: "closed" });

    expect(await agentMessages(db(), chat.id)).toEqual([]);
    expect(await agentMessages(db(), foreignChat.id)).toEqual([]);
    expect((await conversationRow(db(), foreignChat.id))?.status).toBe("bot");
  });
});
