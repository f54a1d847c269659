import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { conversations, customers, messages, messageTemplates, webhookEvents } from "@/db/schema";
import { createMessageTemplate } from "@/lib/bot-settings/templates";
import { listMessageTemplates } from "@/lib/inbox/snippets";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type ChatStoreFixture, createChatStore, nextWamid } from "../whatsapp/fixtures";
import { change, deliverAndApply, freshWaId, textPayload } from "./helpers";

const getDb = setupTestDatabase();
let shop: ChatStoreFixture;
let otherShop: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
  otherShop = await createChatStore(getDb());
});

const unix = (date: Date) => String(Math.floor(date.getTime() / 1000));
/** WhatsApp's clock has whole seconds. */
const secondsFromNow = (seconds: number) =>
  new Date((Math.floor(Date.now() / 1000) + seconds) * 1000);

async function customerByWaId(waId: string) {
  const [row] = await getDb()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, shop.store.id), eq(customers.waId, waId)));
  return row;
}

function echo(waId: string, wamid: string, text: string, at = new Date()) {
  return change(shop, "smb_message_echoes", {
    message_echoes: [
      {
        from: "15550001234",
        to: waId,
        id: wamid,
        timestamp: unix(at),
        type: "text",
        text: { body: text },
      },
    ],
  });
}

function preference(waId: string, value: "stop" | "resume", at: Date) {
  return change(shop, "user_preferences", {
    contacts: [{ profile: { name: "Shopper" }, wa_id: waId }],
    user_preferences: [
      {
        wa_id: waId,
        category: "marketing_messages",
        value,
        timestamp: Math.floor(at.getTime() / 1000),
      },
    ],
  });
}

function templateReview(
  name: string,
  event: string,
  reason: string | null,
  accountId = "102290129340398",
) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: accountId,
        changes: [
          {
            field: "message_template_status_update",
            value: {
              event,
              message_template_id: 1689556908129832,
              message_template_name: name,
              message_template_language: "en_US",
              reason,
            },
          },
        ],
      },
    ],
  };
}

describe(`business-side webhook items [${testDbBackend}]`, () => {
  it("an owner's echo from the Business app joins the thread as theirs, and the bot steps back", async () => {
    const waId = freshWaId();
    await deliverAndApply(getDb(), textPayload(shop, { waId, wamid: nextWamid(), text: "hi" }));
    const before = await customerByWaId(waId);
    const echoWamid = nextWamid();
    const later = new Date(Date.now() + 5_000);
    await deliverAndApply(getDb(), echo(waId, echoWamid, "It ships tomorrow", later));
    await deliverAndApply(getDb(), echo(waId, echoWamid, "It ships tomorrow", later));

    const rows = await getDb().select().from(messages).where(eq(messages.waMessageId, echoWamid));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      direction: "outbound",
      author: "business_app",
      body: "It ships tomorrow",
      status: "sent",
    });
    const [conversation] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.id, rows[0]!.conversationId));
    expect(conversation?.status).toBe("agent");
    // The customer wrote nothing: their 24-hour window does not move.
    expect((await customerByWaId(waId))?.lastInboundAt).toEqual(before?.lastInboundAt);
  });

  it("user_preferences stop and resume change consent exactly as STOP and START do", async () => {
    const waId = freshWaId();
    await deliverAndApply(getDb(), textPayload(shop, { waId, wamid: nextWamid(), text: "START" }));
    expect((await customerByWaId(waId))?.optedInAt).toBeInstanceOf(Date);
    const stopAt = secondsFromNow(1);
    await deliverAndApply(getDb(), preference(waId, "stop", stopAt));
    let customer = await customerByWaId(waId);
    expect(customer).toMatchObject({ optedInAt: null, optedOutAt: stopAt });
    const resumeAt = secondsFromNow(2);
    await deliverAndApply(getDb(), preference(waId, "resume", resumeAt));
    customer = await customerByWaId(waId);
    expect(customer).toMatchObject({ optedInAt: resumeAt, optedOutAt: null });
    // A stop from someone who never wrote is honoured too.
    const stranger = freshWaId();
    await deliverAndApply(getDb(), preference(stranger, "stop", stopAt));
    expect((await customerByWaId(stranger))?.optedOutAt).toEqual(stopAt);
  });

  it("a template review on the store's own URL updates it, and the picker offers approved ones only", async () => {
    for (const name of ["order_update", "spring_sale"]) {
      const created = await createMessageTemplate(getDb(), shop.store.id, {
        name,
        language: "en",
        category: "utility",
        body: "Hello {{1}}",
        variableCount: 1,
      });
      expect(created.ok).toBe(true);
    }
    await deliverAndApply(
      getDb(),
      templateReview("spring_sale", "REJECTED", "INCORRECT_CATEGORY"),
      {
        storeSlug: shop.store.slug,
      },
    );
    const [rejected] = await getDb()
      .select()
      .from(messageTemplates)
      .where(
        and(eq(messageTemplates.storeId, shop.store.id), eq(messageTemplates.name, "spring_sale")),
      );
    expect(rejected).toMatchObject({ status: "rejected", statusReason: "INCORRECT_CATEGORY" });
    const offered = await listMessageTemplates(getDb(), shop.store.id);
    expect(offered.map((template) => template.name)).toEqual(["order_update"]);

    await deliverAndApply(getDb(), templateReview("spring_sale", "APPROVED", "NONE"), {
      storeSlug: shop.store.slug,
    });
    const names = (await listMessageTemplates(getDb(), shop.store.id)).map((t) => t.name);
    expect(names).toEqual(["order_update", "spring_sale"]);
  });

  it("a template review without ?store= touches no store and is shown to the operator", async () => {
    await createMessageTemplate(getDb(), otherShop.store.id, {
      name: "welcome_back",
      language: "en",
      category: "utility",
      body: "Hi",
      variableCount: 0,
    });
    const { outcome } = await deliverAndApply(
      getDb(),
      templateReview("welcome_back", "DISABLED", null, "998877665544"),
    );
    const [template] = await getDb()
      .select()
      .from(messageTemplates)
      .where(eq(messageTemplates.storeId, otherShop.store.id));
    expect(template?.status).toBe("approved");
    const [event] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.lane, outcome.lanes[0]!));
    expect(event).toMatchObject({ storeId: null, processedAt: null, nextAttemptAt: null });
    expect(event?.error).toContain("came without ?store=");
  });
});
