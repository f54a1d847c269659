import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { classifyGraphResponse } from "@/lib/whatsapp/graph-errors";
import { frac, type ScalePlan, ts, uid } from "./scale-sql";

/** Meta's failures, in the words the outbox sender stores (lib/whatsapp/graph-errors.ts). */
const failure = (code: number, title: string) => ({
  code,
  reason: classifyGraphResponse(400, { error: { code, message: `(#${code}) ${title}` } }).reason,
});
const UNDELIVERABLE = failure(131026, "Message undeliverable");
const REENGAGEMENT = failure(131047, "Re-engagement message");
/** What the send policy says when it blocks a send (lib/whatsapp/send-policy.ts). */
const OUTSIDE_WINDOW =
  "More than 24 hours since the customer's last message: only an approved template may be sent.";
const OPTED_OUT = "The customer opted out (STOP).";

const ASKS = [
  "Hello! Do you ship overseas?",
  "Is the matcha in stock?",
  "How much is the tea bowl?",
  "Can I pick it up at the Gion store?",
  "こんにちは、抹茶はありますか？",
  "送料はいくらですか？",
];
const BOT_SAYS = [
  "Hello! Here is our catalogue.",
  "Yes, it is in stock. Shall I make you an order?",
  "Here is the payment link for your order.",
  "Our opening hours are 10:00–18:00.",
];
const AGENT_SAYS = [
  "Hi, this is Aiko from the shop. Let me check for you.",
  "Yes, we can ship it to you by EMS.",
  "お待たせしました。在庫がございます。",
];

const pick = (words: readonly string[], g: SQL | string, salt: number) =>
  sql`(array[${sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  )}])[1 + floor(${frac(g, salt)} * ${words.length})::int]`;

/**
 * Conversation g's timeline, from its created_at (when the customer's first message came in):
 * t1 the first message and b1 the bot's reply seconds later; for 35% a second exchange
 * (t2, b2) minutes later and for 10% a third (t3, b3); for 10% a hand-off to a person seconds
 * after the bot's last reply (handoff_at, when it has happened by now).
 */
function timeline(plan: ScalePlan): SQL {
  const second = sql`interval '1 second'`;
  const minute = sql`interval '1 minute'`;
  return sql`lateral (select c.created_at as t1, ${frac("g", 50)} < 0.35 as pair2,
      ${frac("g", 50)} < 0.10 as pair3, ${frac("g", 51)} < 0.10 as handoff) p,
    lateral (select p.t1 + (1 + ${frac("g", 52)} * 5) * ${second} as b1) t1,
    lateral (select t1.b1 + (1 + ${frac("g", 53)} * 20) * ${minute} as t2) t2,
    lateral (select t2.t2 + (1 + ${frac("g", 54)} * 5) * ${second} as b2) t3,
    lateral (select t3.b2 + (1 + ${frac("g", 55)} * 30) * ${minute} as t3) t4,
    lateral (select t4.t3 + (1 + ${frac("g", 56)} * 5) * ${second} as b3) t5,
    lateral (select case when p.handoff then
      (case when p.pair3 then t5.b3 when p.pair2 then t3.b2 else t1.b1 end)
        + (10 + ${frac("g", 57)} * 50) * ${second} end as at) h,
    lateral (select case when h.at <= ${ts(plan.now)} then h.at end as handoff_at) t6`;
}

/**
 * Messages for every conversation, about 3 each: the customer's first message at the
 * conversation's created_at and the bot's reply seconds later, more exchanges for some, and a
 * hand-off for 10% (conversations.handed_off_at) with a person's reply minutes later for 90%
 * of them (an agent in the inbox, or the owner from the WhatsApp Business app). Outbound
 * statuses: read, delivered or sent, 2% failed (Meta's 131026 or 131047) and 0.5% blocked by
 * the send policy. Nothing after `now`; written in time order, as the app writes them (a
 * range of days is a run of neighbouring pages, as in production). Then each conversation's
 * last_message_at, and the status: with a person ("agent") for hand-offs of the last two days
 * (the latest one per customer), closed otherwise.
 */
export async function insertMessages(tx: Database, plan: ScalePlan): Promise<void> {
  const S = plan.storeId;
  const now = ts(plan.now);
  await tx.execute(sql`update conversations u set handed_off_at = h.handoff_at
    from (select c.id, t6.handoff_at from generate_series(1, ${plan.conversations}) g
          join conversations c on c.id = ${uid(plan, "conversation", "g")}, ${timeline(plan)}) h
    where u.id = h.id and u.store_id = ${S}`);

  const n = sql`(g * 8 + m.slot)`;
  const outbound = sql`m.direction = 'outbound'`;
  const wamid = (number: SQL) => sql`'wamid.SCALE.' || md5(${S}::text || ':wamid:' || ${number})`;
  const status = sql`case when not ${outbound} then 'received'
    when ${frac(n, 60)} < 0.02 then 'failed'
    when ${frac(n, 60)} < 0.025 then 'blocked'
    when m.at > ${now} - interval '1 minute' or ${frac(n, 60)} < 0.14 then 'sent'
    when ${frac(n, 60)} < 0.40 then 'delivered' else 'read' end`;
  await tx.execute(sql`insert into messages (id, store_id, conversation_id, customer_id, direction,
      author, wa_message_id, dedupe_key, type, body, content, status, error_code, error_reason,
      intent, sent_at, delivered_at, read_at, failed_at, created_at)
    select ${uid(plan, "message", n)}, ${S}, c.id, c.customer_id, m.direction::message_direction,
      m.author, case when s.st <> 'blocked' then ${wamid(n)} end,
      case when m.author = 'bot' then 'reply:' || ${wamid(sql`(g * 8 + m.slot - 1)`)} || ':0'
        when ${outbound} then 'agent:' || ${uid(plan, "message", n)} end,
      'text', m.body,
      case when ${outbound} then jsonb_build_object('type', 'text', 'text', m.body)
        else jsonb_build_object('kind', 'text', 'text', m.body, 'referral', null, 'contextWamid', null) end,
      s.st::message_status,
      case when s.st = 'failed' then (case when ${frac(n, 61)} < 0.7 then ${sql.raw(String(UNDELIVERABLE.code))} else ${sql.raw(String(REENGAGEMENT.code))} end) end,
      case when s.st = 'failed' then (case when ${frac(n, 61)} < 0.7 then ${UNDELIVERABLE.reason} else ${REENGAGEMENT.reason} end)
        when s.st = 'blocked' then (case when ${frac(n, 62)} < 0.6 then ${OUTSIDE_WINDOW} else ${OPTED_OUT} end) end,
      case when m.author = 'bot' then (case when m.slot = 1 then 'greeting' else 'faq' end) end,
      case when s.st in ('sent', 'delivered', 'read') then m.at + interval '1 second' end,
      case when s.st in ('delivered', 'read') then m.at + interval '2 seconds' end,
      case when s.st = 'read' then least(m.at + (5 + ${frac(n, 63)} * 3600) * interval '1 second', ${now}) end,
      case when s.st = 'failed' then m.at + interval '2 seconds' end,
      m.at
    from generate_series(1, ${plan.conversations}) g
    join conversations c on c.id = ${uid(plan, "conversation", "g")},
    ${timeline(plan)},
    lateral (select t6.handoff_at + (2 + ${frac("g", 58)} * 178) * interval '1 minute' as at,
      case when ${frac("g", 59)} < 0.8 then 'agent' else 'business_app' end as author,
      t6.handoff_at is not null and ${frac("g", 59)} < 0.9 as present) a,
    lateral (values
      (0, 'inbound', 'customer', p.t1, ${pick(ASKS, "g", 43)}, true),
      (1, 'outbound', 'bot', t1.b1, ${pick(BOT_SAYS, "g", 44)}, true),
      (2, 'inbound', 'customer', t2.t2, ${pick(ASKS, "g", 45)}, p.pair2),
      (3, 'outbound', 'bot', t3.b2, ${pick(BOT_SAYS, "g", 46)}, p.pair2),
      (4, 'inbound', 'customer', t4.t3, ${pick(ASKS, "g", 47)}, p.pair3),
      (5, 'outbound', 'bot', t5.b3, ${pick(BOT_SAYS, "g", 48)}, p.pair3),
      (6, 'outbound', a.author, a.at, ${pick(AGENT_SAYS, "g", 49)}, a.present)
    ) m(slot, direction, author, at, body, present),
    lateral (select ${status} as st) s
    where m.present and m.at <= ${now}
    order by m.at, ${n}`);

  await tx.execute(sql`update conversations c set last_message_at = l.at
    from (select conversation_id, max(created_at) as at from messages
          where store_id = ${S} group by conversation_id) l
    where c.id = l.conversation_id and c.store_id = ${S} and c.last_message_at <> l.at`);
  // At most one open conversation per customer: close first, then open.
  const waiting = sql`(select distinct on (customer_id) id from conversations
    where store_id = ${S} and handed_off_at >= ${now} - interval '2 days'
    order by customer_id, created_at desc)`;
  await tx.execute(sql`update conversations set status = 'closed'
    where store_id = ${S} and status <> 'closed' and id not in ${waiting}`);
  await tx.execute(sql`update conversations set status = 'agent'
    where store_id = ${S} and status <> 'agent' and id in ${waiting}`);
}
