/**
 * What bench:webhook writes before the server starts and reads after it stopped: the sent
 * messages its status run reports on, the inbox check (every acknowledged event stored once,
 * one inbound row per message) and the end-to-end time from receipt to the bot's reply.
 */
import { and, count, eq, like, or, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { conversations, customers, messages, stores, webhookEvents } from "@/db/schema";
import { DEMO_STORE_SLUG } from "@/lib/demo/seed";

/** Outbound messages "the app sent" (status sent, a wamid each) for statuses to report on. */
export async function seedSentMessages(
  db: Database,
  input: { count: number; waId: string; wamid: (index: number) => string },
): Promise<void> {
  const [store] = await db.select().from(stores).where(eq(stores.slug, DEMO_STORE_SLUG));
  if (!store) throw new Error("the demo store is missing");
  const [customer] = await db
    .insert(customers)
    .values({ storeId: store.id, waId: input.waId, phone: `+${input.waId}`, name: "Bench" })
    .returning();
  const [conversation] = await db
    .insert(conversations)
    .values({ storeId: store.id, customerId: customer!.id, language: "en" })
    .returning();
  const sentAt = new Date();
  for (let start = 0; start < input.count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, input.count - start) }, (_, offset) => ({
      storeId: store.id,
      conversationId: conversation!.id,
      customerId: customer!.id,
      direction: "outbound" as const,
      author: "agent" as const,
      waMessageId: input.wamid(start + offset),
      type: "text",
      body: "Your order has shipped",
      content: { type: "text", text: "Your order has shipped" },
      status: "sent" as const,
      sentAt,
    }));
    await db.insert(messages).values(rows);
  }
}

export type Inbox = {
  /** External ids of the benchmark's events in webhook_events, one entry per row. */
  events: { key: string; applied: boolean; failed: boolean }[];
  /** wamids of the inbound messages rows the benchmark's messages created, one per row. */
  inbound: string[];
  /** The bot's replies to the benchmark's shoppers, by status. */
  replies: Record<string, number>;
};

export async function readInbox(
  db: Database,
  prefixes: { wamid: string; shopperWaId: string },
): Promise<Inbox> {
  const events = await db
    .select({
      key: webhookEvents.externalId,
      applied: sql<boolean>`${webhookEvents.processedAt} is not null`,
      failed: sql<boolean>`${webhookEvents.error} is not null`,
    })
    .from(webhookEvents)
    .where(
      or(
        like(webhookEvents.externalId, `status:${prefixes.wamid}%`),
        like(webhookEvents.externalId, `message:${prefixes.wamid}%`),
      ),
    );
  const inbound = await db
    .select({ wamid: messages.waMessageId })
    .from(messages)
    .where(
      and(like(messages.waMessageId, `${prefixes.wamid}%`), eq(messages.direction, "inbound")),
    );
  const replies = await db
    .select({ status: messages.status, n: count() })
    .from(messages)
    .innerJoin(customers, eq(customers.id, messages.customerId))
    .where(
      and(like(customers.waId, `${prefixes.shopperWaId}%`), eq(messages.direction, "outbound")),
    )
    .groupBy(messages.status);
  return {
    events,
    inbound: inbound.flatMap((row) => (row.wamid ? [row.wamid] : [])),
    replies: Object.fromEntries(replies.map((row) => [row.status, row.n])),
  };
}

/** Every acknowledged event stored once, no more events than were sent, one message row each. */
export function checkInbox(
  inbox: Inbox,
  acknowledged: ReadonlySet<string>,
  sent: Record<"status" | "message", number>,
): string[] {
  const problems: string[] = [];
  for (const kind of ["status", "message"] as const) {
    const rows = inbox.events.filter((event) => event.key.startsWith(`${kind}:`));
    const stored = new Set(rows.map((row) => row.key));
    const acked = [...acknowledged].filter((key) => key.startsWith(`${kind}:`));
    const missing = acked.filter((key) => !stored.has(key));
    const applied = rows.filter((row) => row.applied).length;
    const failed = rows.filter((row) => row.failed).length;
    console.log(
      `${kind} events: ${acked.length} acknowledged (200), ${rows.length} stored (${applied} applied, ${failed} with an error, ${rows.length - applied - failed} still pending when the server stopped), ${sent[kind]} sent`,
    );
    if (missing.length) problems.push(`${missing.length} acknowledged ${kind} events not stored`);
    if (stored.size !== rows.length)
      problems.push(`${rows.length - stored.size} duplicate ${kind} events`);
    if (rows.length > sent[kind]) problems.push(`more ${kind} events stored than sent`);
    if (failed > 0) problems.push(`${failed} ${kind} events failed to apply`);
  }
  const messageKeys = new Set(
    inbox.events
      .filter((event) => event.key.startsWith("message:"))
      .map((event) => event.key.slice(8)),
  );
  const inbound = new Set(inbox.inbound);
  console.log(
    `inbound messages rows: ${inbox.inbound.length}; bot replies by status: ${JSON.stringify(inbox.replies)}`,
  );
  if (inbound.size !== inbox.inbound.length) problems.push("duplicate inbound messages rows");
  const unmatched = [...messageKeys].filter((wamid) => !inbound.has(wamid)).length;
  if (unmatched || inbound.size !== messageKeys.size)
    problems.push(
      `${unmatched} stored messages without their inbound row (or rows without events)`,
    );
  return problems;
}

export type EndToEnd = {
  count: number;
  unanswered: number;
  p50Ms: number;
  p99Ms: number;
  /** Messages answered per second, from the first receipt to the last reply queued. */
  perSecond: number;
};

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * Receipt (the event's received_at) to the bot's first reply queued (its outbox row's
 * messages.created_at), for the inbound messages whose wamid starts with `wamidPrefix`.
 */
export async function endToEnd(db: Database, wamidPrefix: string): Promise<EndToEnd> {
  const rows = await db
    .select({
      ms: sql<
        number | null
      >`extract(epoch from (${messages.createdAt} - ${webhookEvents.receivedAt})) * 1000`,
      receivedAt: webhookEvents.receivedAt,
      repliedAt: messages.createdAt,
    })
    .from(webhookEvents)
    .leftJoin(
      messages,
      eq(messages.dedupeKey, sql`'reply:' || substr(${webhookEvents.externalId}, 9) || ':0'`),
    )
    .where(like(webhookEvents.externalId, `message:${wamidPrefix}%`));
  const times = rows
    .flatMap((row) => (row.ms === null ? [] : [Number(row.ms)]))
    .sort((a, b) => a - b);
  const first = Math.min(...rows.map((row) => row.receivedAt.getTime()));
  const last = Math.max(...rows.flatMap((row) => (row.repliedAt ? [row.repliedAt.getTime()] : [])));
  return {
    count: times.length,
    unanswered: rows.length - times.length,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    perSecond: times.length / Math.max((last - first) / 1000, 1e-3),
  };
}

/** Polls the operator's inbox report until nothing is pending; says how long it took. */
export async function waitForEmptyInbox(
  baseUrl: string,
  cronSecret: string,
  maxWaitMs: number,
): Promise<void> {
  const started = Date.now();
  let pending = -1;
  while (Date.now() - started < maxWaitMs) {
    const response = await fetch(`${baseUrl}/api/admin/inbox`, {
      headers: { authorization: `Bearer ${cronSecret}` },
    });
    pending = ((await response.json()) as { pending: number }).pending;
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  console.log(
    `[bench] inbox ${pending === 0 ? "empty" : `still ${pending} pending`} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
