import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import type { AnalyticsWindow } from "./range";
import type { AnalyticsStore } from "./store";

/**
 * Message health: what happened to the store's outbound messages, why some never arrived,
 * how fast customers got a first answer, and who is waiting for a person now.
 *
 * - Outbound: messages the store wrote (bot, agents, system notices) created in the window,
 *   by their status now. Sent = reached WhatsApp and did not fail (sent, delivered or read);
 *   delivered = delivered or read. Rates step down the funnel: sent / outbound, delivered /
 *   sent, read / delivered; failed and blocked are shares of outbound. Null when 0 / 0.
 * - Problems: failed and blocked messages grouped by the stored error code and reason (the
 *   inbox's own words; `messageStatusWords` in lib/inbox/status-words.ts says them), each with
 *   the conversations it hit, most recent first, at most PROBLEM_CONVERSATIONS of them.
 * - First reply, over conversations started in the window: the bot's is the time from the
 *   customer's first message to the bot's first message at or after it; the agents' is the
 *   time from the hand-off to the first message a person wrote (in the inbox or the WhatsApp
 *   Business app) at or after it. Blocked messages never reached anyone and are no reply.
 *   Medians in milliseconds, over the conversations that got such a reply.
 * - Waiting now (not windowed): conversations handed to a person (status agent, the inbox's
 *   "Waiting for you") whose customer's latest message has no reply from a person yet.
 */

export const PROBLEM_CONVERSATIONS = 20;

export type MessageProblem = {
  status: "failed" | "blocked";
  errorCode: number | null;
  /** The words stored when it failed or was blocked (English); null when none were. */
  errorReason: string | null;
  messages: number;
  conversations: number;
  /** The affected conversations, most recent problem first, at most PROBLEM_CONVERSATIONS. */
  conversationIds: string[];
};

export type FirstReplyFigures = {
  /** Conversations that got such a reply. */
  replied: number;
  medianMs: number | null;
};

export type MessageHealth = {
  outbound: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  blocked: number;
  sentRate: number | null;
  deliveredRate: number | null;
  readRate: number | null;
  failedRate: number | null;
  blockedRate: number | null;
  /** Most messages first. */
  problems: MessageProblem[];
  /** Conversations started in the window with a message from the customer. */
  chatsWithCustomerMessage: number;
  botFirstReply: FirstReplyFigures;
  /** Conversations started in the window and handed to a person. */
  handedOff: number;
  agentFirstReply: FirstReplyFigures;
  /** Now: handed to a person (the inbox's "Waiting for you"). */
  withAgentNow: number;
  /** Now: of those, the customer's latest message has no reply from a person yet. */
  waitingForReplyNow: number;
  /** When the longest-waiting of them wrote; null when nobody waits. */
  oldestWaitingSince: Date | null;
};

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const count = (value: unknown) => Number(value ?? 0);
const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;
const PEOPLE = sql.raw(`('agent', 'business_app')`);

async function outboundCounts(db: Database, store: AnalyticsStore, window: AnalyticsWindow) {
  const result = await db.execute(sql`
    select status, count(*) as messages from messages
    where store_id = ${store.id} and direction = 'outbound'
      and created_at >= ${window.start} and created_at < ${window.end}
    group by status`);
  const byStatus = new Map(
    rowsOf<{ status: string; messages: unknown }>(result).map((r) => [r.status, count(r.messages)]),
  );
  const of = (...statuses: string[]) => statuses.reduce((n, s) => n + (byStatus.get(s) ?? 0), 0);
  const outbound = [...byStatus.values()].reduce((n, v) => n + v, 0);
  const [sent, delivered, read] = [
    of("sent", "delivered", "read"),
    of("delivered", "read"),
    of("read"),
  ];
  const [failed, blocked] = [of("failed"), of("blocked")];
  return {
    outbound,
    queued: of("queued"),
    sent,
    delivered,
    read,
    failed,
    blocked,
    sentRate: rate(sent, outbound),
    deliveredRate: rate(delivered, sent),
    readRate: rate(read, delivered),
    failedRate: rate(failed, outbound),
    blockedRate: rate(blocked, outbound),
  };
}

type ProblemRow = {
  status: "failed" | "blocked";
  error_code: number | null;
  error_reason: string | null;
  messages: unknown;
  conversations: unknown;
  conversation_ids: string[] | null;
};

async function problems(db: Database, store: AnalyticsStore, window: AnalyticsWindow) {
  const result = await db.execute(sql`
    select status, error_code, error_reason, sum(messages) as messages,
      count(*) as conversations,
      (array_agg(conversation_id::text order by last_at desc, conversation_id))[1:${sql.raw(String(PROBLEM_CONVERSATIONS))}] as conversation_ids
    from (
      select status, error_code, error_reason, conversation_id,
        count(*) as messages, max(created_at) as last_at
      from messages
      where store_id = ${store.id} and direction = 'outbound' and status in ('failed', 'blocked')
        and created_at >= ${window.start} and created_at < ${window.end}
      group by status, error_code, error_reason, conversation_id
    ) per_conversation
    group by status, error_code, error_reason`);
  return rowsOf<ProblemRow>(result)
    .map((row): MessageProblem => ({
      status: row.status,
      errorCode: row.error_code === null ? null : Number(row.error_code),
      errorReason: row.error_reason,
      messages: count(row.messages),
      conversations: count(row.conversations),
      conversationIds: row.conversation_ids ?? [],
    }))
    .sort(
      (a, b) =>
        b.messages - a.messages ||
        a.status.localeCompare(b.status) ||
        (a.errorCode ?? -1) - (b.errorCode ?? -1) ||
        (a.errorReason ?? "").localeCompare(b.errorReason ?? ""),
    );
}

// One pass over each conversation's messages (the covering index on conversation_id,
// created_at, …: an index-only scan) gives the first customer message, the bot's first
// message, and the first message a person wrote at or after the hand-off. The bot's first
// reply is its first message when that is at or after the customer's first; only when the bot
// wrote before the customer (rare) is the first one at or after looked up on its own.
async function firstReplies(db: Database, store: AnalyticsStore, window: AnalyticsWindow) {
  const answer = sql`m.direction = 'outbound' and m.status <> 'blocked'`;
  const ms = (later: ReturnType<typeof sql>, earlier: ReturnType<typeof sql>) =>
    sql`round(extract(epoch from (${later} - ${earlier})) * 1000)::float8`;
  const botAt = sql`case when f.first_in is null or f.first_bot is null then null
      when f.first_bot >= f.first_in then f.first_bot
      else (select min(m.created_at) from messages m
        where m.store_id = ${store.id} and m.conversation_id = c.id and ${answer}
          and m.author = 'bot' and m.created_at >= f.first_in) end`;
  const result = await db.execute(sql`
    select count(*) filter (where first_in is not null) as chats,
      count(bot_ms) as bot_replied,
      percentile_cont(0.5) within group (order by bot_ms) as bot_median,
      count(*) filter (where handed_off_at is not null) as handed_off,
      count(agent_ms) as agent_replied,
      percentile_cont(0.5) within group (order by agent_ms) as agent_median
    from (
      select c.handed_off_at, f.first_in, ${ms(botAt, sql`f.first_in`)} as bot_ms,
        case when c.handed_off_at is not null then ${ms(sql`f.agent_at`, sql`c.handed_off_at`)} end as agent_ms
      from conversations c
      cross join lateral (
        select min(m.created_at) filter (where m.direction = 'inbound') as first_in,
          min(m.created_at) filter (where ${answer} and m.author = 'bot') as first_bot,
          min(m.created_at) filter (where ${answer} and m.author in ${PEOPLE}
            and m.created_at >= c.handed_off_at) as agent_at
        from messages m
        where m.store_id = ${store.id} and m.conversation_id = c.id
      ) f
      where c.store_id = ${store.id}
        and c.created_at >= ${window.start} and c.created_at < ${window.end}
      offset 0 -- see waitingNow
    ) per_conversation`);
  const [row] = rowsOf<Record<string, unknown>>(result);
  const median = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    chatsWithCustomerMessage: count(row?.chats),
    botFirstReply: { replied: count(row?.bot_replied), medianMs: median(row?.bot_median) },
    handedOff: count(row?.handed_off),
    agentFirstReply: { replied: count(row?.agent_replied), medianMs: median(row?.agent_median) },
  };
}

// "offset 0" keeps a subquery from being pulled up into the query above it: pulled up, a
// per-conversation lookup is evaluated again for every expression that reads its result.
async function waitingNow(db: Database, store: AnalyticsStore) {
  const result = await db.execute(sql`
    select count(*) as with_agent,
      count(*) filter (where waiting) as waiting,
      min(last_in) filter (where waiting) as oldest
    from (
      select w.last_in, (w.last_in is not null and not exists (
        select 1 from messages r
        where r.store_id = ${store.id} and r.conversation_id = w.id and r.direction = 'outbound'
          and r.author in ${PEOPLE} and r.status <> 'blocked' and r.created_at >= w.last_in
      )) as waiting
      from (
        select c.id, (select max(i.created_at) from messages i
          where i.store_id = ${store.id} and i.conversation_id = c.id and i.direction = 'inbound') as last_in
        from conversations c
        where c.store_id = ${store.id} and c.status = 'agent'
        offset 0
      ) w
      offset 0
    ) per_conversation`);
  const [row] = rowsOf<{ with_agent: unknown; waiting: unknown; oldest: unknown }>(result);
  return {
    withAgentNow: count(row?.with_agent),
    waitingForReplyNow: count(row?.waiting),
    oldestWaitingSince: row?.oldest ? new Date(row.oldest as string | Date) : null,
  };
}

/** The Message health section's figures for `window`; the waiting figures are as of now. */
export async function messageHealth(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<MessageHealth> {
  const [counts, problemList, replies, waiting] = await Promise.all([
    outboundCounts(db, store, window),
    problems(db, store, window),
    firstReplies(db, store, window),
    waitingNow(db, store),
  ]);
  return { ...counts, problems: problemList, ...replies, ...waiting };
}

export type MessageHealthSummary = Awaited<ReturnType<typeof outboundCounts>> &
  Awaited<ReturnType<typeof waitingNow>>;

/** What the Overview's card shows: outbound by status and who waits now (no first replies). */
export async function messageHealthSummary(
  db: Database,
  store: AnalyticsStore,
  window: AnalyticsWindow,
): Promise<MessageHealthSummary> {
  const [counts, waiting] = await Promise.all([
    outboundCounts(db, store, window),
    waitingNow(db, store),
  ]);
  return { ...counts, ...waiting };
}
