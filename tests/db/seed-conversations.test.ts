import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/drivers";
import { faqEntries, messageTemplates, quickReplies } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed";
import { createTestDatabase, queryRows, testDbBackend } from "../support/database";

const NOW = new Date("2025-06-15T10:23:45Z");
const HOUR = 3_600_000;
const DEMO_NOW = new Date(Math.floor(NOW.getTime() / HOUR) * HOUR);

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${query}) q`,
  );
  return row?.n ?? -1;
}

/** The demo's chats agree with its clicks, orders and customers (determinism: seed.test.ts). */
describe(`demo seed: conversations and messages [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  let db: Database;
  let storeId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    storeId = (await seedDemo(db, { now: NOW })).storeId;
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("has one conversation per chat_started event, with messages, most of them closed", async () => {
    const [row] = await queryRows<Record<string, number>>(
      db,
      sql`select
        (select count(*)::int from events where type = 'chat_started') as chats,
        (select count(*)::int from conversations where store_id = ${storeId}) as conversations,
        (select count(*)::int from conversations where status = 'closed') as closed,
        (select count(*)::int from conversations where status = 'agent') as agent,
        (select count(*)::int from conversations where status = 'bot') as bot,
        (select count(*)::int from messages where store_id = ${storeId}) as messages`,
    );
    expect(row?.conversations).toBe(row?.chats);
    expect(row?.agent).toBeGreaterThanOrEqual(3);
    expect(row?.bot).toBeGreaterThan(row?.agent ?? 0);
    expect(row?.closed).toBeGreaterThan((row?.conversations ?? 0) / 2);
    expect(row?.messages).toBeGreaterThan(3 * (row?.conversations ?? 0));
    // The same chats as the events: customer, source and start time.
    const unmatched = sql`select 1 from events e where e.type = 'chat_started' and not exists (
        select 1 from conversations c where c.customer_id = e.customer_id
          and c.source = e.source and c.created_at = e.created_at)`;
    expect(await count(db, unmatched)).toBe(0);
  });

  it("attributes every chat with a ref to its click, and starts it with the click's ref", async () => {
    const wrong = sql`select c.id from conversations c
      left join clicks k on k.id = c.click_id and k.store_id = c.store_id
      where c.source <> 'unattributed' and (k.id is null or k.source::text <> c.source
        or k.product_id is distinct from c.product_id or k.qr_code_id is distinct from c.qr_code_id
        or k.created_at >= c.created_at or k.created_at < c.created_at - interval '5 minutes')`;
    expect(await count(db, wrong)).toBe(0);
    const unattributedWithClick = sql`select 1 from conversations
      where source = 'unattributed' and (click_id is not null or product_id is not null)`;
    expect(await count(db, unattributedWithClick)).toBe(0);
    const badOpeners = sql`select c.id from conversations c
      join lateral (select * from messages m where m.conversation_id = c.id
        order by m.created_at limit 1) first on true
      left join clicks k on k.id = c.click_id
      where first.direction <> 'inbound' or first.created_at <> c.created_at
        or (k.id is not null and first.body not like '%(ref ' || k.ref || ')')
        or (k.id is null and first.body like '%(ref %')`;
    expect(await count(db, badOpeners)).toBe(0);
    // Every order that came from an entry point has the attributed chat that led to it.
    const orphanOrders = sql`select 1 from orders o where o.source <> 'unattributed'
      and not exists (select 1 from conversations c where c.customer_id = o.customer_id
        and c.source = o.source and c.click_id is not null
        and c.created_at between o.created_at - interval '36 minutes' and o.created_at)`;
    expect(await count(db, orphanOrders)).toBe(0);
    // A chat from a product page or display opens with the bot's card for that product.
    const productChats = await queryRows<{ intent: string | null }>(
      db,
      sql`select (select m.intent from messages m where m.conversation_id = c.id
          and m.direction = 'outbound' order by m.created_at limit 1) as intent
        from conversations c where c.product_id is not null`,
    );
    expect(productChats.length).toBeGreaterThan(100);
    expect(productChats.every((chat) => chat.intent === "product-inquiry")).toBe(true);
  });

  it("records delivery statuses forward only, in time order, never after now", async () => {
    const inconsistent = sql`select id from messages where
      (direction = 'inbound') <> (status = 'received')
      or status in ('queued', 'blocked')
      or (status = 'read' and (read_at is null or delivered_at is null or sent_at is null))
      or (status = 'delivered' and (delivered_at is null or sent_at is null or read_at is not null))
      or (status = 'sent' and (sent_at is null or delivered_at is not null or read_at is not null))
      or (status = 'failed' and (failed_at is null or error_code is null or error_reason is null
        or sent_at is not null or wa_message_id is not null))
      or (status <> 'failed' and (failed_at is not null or error_code is not null))
      or (direction = 'inbound' and (sent_at is not null or author <> 'customer'))
      or not (created_at <= coalesce(sent_at, failed_at, created_at)
        and sent_at <= coalesce(delivered_at, sent_at) and delivered_at <= coalesce(read_at, delivered_at))
      or greatest(created_at, sent_at, delivered_at, read_at, failed_at) > ${DEMO_NOW}`;
    expect(await count(db, inconsistent)).toBe(0);
    const [ids] = await queryRows<{ total: number; distinct: number; demo: number }>(
      db,
      sql`select count(wa_message_id)::int as total, count(distinct wa_message_id)::int as distinct,
        count(*) filter (where wa_message_id ~ '^wamid\\.DEMO\\.[0-9]+$')::int as demo from messages`,
    );
    expect(ids?.distinct).toBe(ids?.total);
    expect(ids?.demo).toBe(ids?.total);
    // A shopper reads a message before answering it.
    const readAfterReply = sql`select 1 from messages m join messages reply
      on reply.conversation_id = m.conversation_id and reply.direction = 'inbound'
        and reply.created_at > m.created_at
      where m.direction = 'outbound' and (m.read_at is null or m.read_at > reply.created_at)
        and m.status <> 'failed'`;
    expect(await count(db, readAfterReply)).toBe(0);
  });

  it("has a few sends refused by WhatsApp, with Meta's code and a reason in words", async () => {
    const failures = await queryRows<{ code: number; reason: string; author: string }>(
      db,
      sql`select error_code as code, error_reason as reason, author from messages
        where status = 'failed'`,
    );
    const byCode = (code: number) => failures.filter((failure) => failure.code === code);
    expect(byCode(131047).length).toBeGreaterThanOrEqual(1);
    expect(byCode(131026).length).toBeGreaterThanOrEqual(1);
    expect(failures.length).toBeLessThanOrEqual(15);
    for (const failure of byCode(131047)) {
      expect(failure.reason).toMatch(
        /^More than 24 hours have passed since the customer last replied/,
      );
      expect(failure.author).toBe("agent");
    }
    for (const failure of byCode(131026)) expect(failure.reason).toMatch(/couldn't deliver/);
  });

  it("hands some chats to a person, who answers them", async () => {
    const agentChats = await queryRows<{ handedOffAt: Date | null; agentReplies: number }>(
      db,
      sql`select c.handed_off_at as "handedOffAt", (select count(*)::int from messages m
          join store_members s on s.user_id = m.agent_user_id and s.store_id = c.store_id
          where m.conversation_id = c.id and m.author = 'agent') as "agentReplies"
        from conversations c where c.status = 'agent'`,
    );
    expect(agentChats.length).toBeGreaterThanOrEqual(3);
    for (const chat of agentChats) {
      expect(chat.handedOffAt).not.toBeNull();
      expect(chat.agentReplies).toBeGreaterThan(0);
    }
    const agentWithoutHandOff = sql`select 1 from messages m join conversations c on c.id = m.conversation_id
      where m.author = 'agent' and (c.handed_off_at is null or m.created_at < c.handed_off_at)`;
    expect(await count(db, agentWithoutHandOff)).toBe(0);
    const badClosing = sql`select 1 from conversations c where (c.status = 'closed') <> (c.closed_at is not null)
      or c.closed_at < c.last_message_at or c.closed_at > ${DEMO_NOW}
      or c.last_message_at <> (select max(m.created_at) from messages m where m.conversation_id = c.id)
      or (c.status = 'closed' and c.unread_count <> 0)
      or exists (select 1 from conversations later where later.customer_id = c.customer_id
        and later.created_at > c.created_at and (c.status <> 'closed' or later.created_at <= c.closed_at))`;
    expect(await count(db, badClosing)).toBe(0);
  });

  it("keeps customers' consent and 24-hour window as their messages left them", async () => {
    const wrongLastInbound = sql`select 1 from customers cu where cu.last_inbound_at is distinct from
      (select max(m.created_at) from messages m where m.customer_id = cu.id and m.direction = 'inbound')`;
    expect(await count(db, wrongLastInbound)).toBe(0);
    const wrongAsked = sql`select 1 from customers cu where cu.consent_asked_at is distinct from
      (select min(m.created_at) from messages m where m.customer_id = cu.id
        and m.content->'buttons'->0->>'id' = 'consent:yes')`;
    expect(await count(db, wrongAsked)).toBe(0);
    const unexplainedOptIn = sql`select 1 from customers cu where cu.opted_in_at is not null
      and not exists (select 1 from messages m where m.customer_id = cu.id
        and m.created_at = cu.opted_in_at and m.content->>'replyId' = 'consent:yes')`;
    expect(await count(db, unexplainedOptIn)).toBe(0);
    const unexplainedOptOut = sql`select 1 from customers cu where cu.opted_out_at is not null
      and not exists (select 1 from messages m where m.customer_id = cu.id
        and m.created_at = cu.opted_out_at
        and (m.content->>'replyId' = 'consent:no' or m.body in ('STOP', '停止')))`;
    expect(await count(db, unexplainedOptOut)).toBe(0);
    const both = sql`select 1 from customers where opted_in_at is not null and opted_out_at is not null`;
    expect(await count(db, both)).toBe(0);
    const stops = sql`select 1 from messages where body in ('STOP', '停止') and direction = 'inbound'`;
    expect(await count(db, stops)).toBeGreaterThan(0);
  });

  it("gives the bot FAQ answers in English and Japanese, quick replies and two templates", async () => {
    const faqs = await db.select().from(faqEntries);
    expect(new Set(faqs.map((faq) => faq.language))).toEqual(new Set(["en", "ja"]));
    expect(faqs.length).toBeGreaterThanOrEqual(6);
    for (const faq of faqs) expect(faq.keywords.length).toBeGreaterThan(0);
    const faqAnswers = sql`select 1 from messages where intent = 'faq' and type = 'text'`;
    expect(await count(db, faqAnswers)).toBeGreaterThan(50);

    const replies = await db.select().from(quickReplies);
    expect(replies.some((reply) => /[\u3040-\u30ff]/.test(reply.body))).toBe(true);
    expect(replies.some((reply) => /^[\x20-\x7e–—]+$/.test(reply.body))).toBe(true);

    const templates = await db.select().from(messageTemplates);
    const summary = templates.map(
      (t) => `${t.name}/${t.language}/${t.category}/${t.variableCount}`,
    );
    expect(summary.sort()).toEqual([
      "cart_reminder/en/marketing/2",
      "cart_reminder/ja/marketing/2",
      "order_update/en/utility/2",
      "order_update/ja/utility/2",
    ]);
    for (const template of templates) expect(template.body).toMatch(/\{\{1\}\}.*\{\{2\}\}/s);
  });
});
