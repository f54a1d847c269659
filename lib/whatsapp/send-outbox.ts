import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { messages, outbox } from "@/db/schema";
import {
  resolveWhatsAppChannel,
  type WhatsAppChannel,
  type WhatsAppPlatformConfig,
} from "./channel";
import { type SendResult, sendWhatsAppMessage } from "./client";
import { addressIdentity, type RecipientAddress, toGraphMessageBody } from "./graph-request";
import type { OutboxPayload } from "./queue-message";
import { retryDelayMs, shouldRetry } from "./retry";
import { decideAtSendTime } from "./send-time-policy";

export type SandboxDelivery = { storeId: string; phoneNumberId: string; wamid: string; to: string };

export type OutboxSenderOptions = {
  config: WhatsAppPlatformConfig;
  now?: () => Date;
  random?: () => number;
  fetchImpl?: typeof fetch;
  /** After a sandbox store's message is recorded as sent (the simulator then reports statuses). */
  onSandboxSent?: (delivery: SandboxDelivery) => Promise<void>;
  /** How long a claim holds before another sender may take the row (default 2 min). */
  leaseMs?: number;
  batchSize?: number;
  /** Claim rounds per call: each round sends at most one message per customer. */
  maxRounds?: number;
  /** Instead of a number of rounds: keep claiming until the outbox is empty or this time (ms). */
  deadline?: number;
  /** Only this store's rows (the sandbox's "run due work now" on its own clock). */
  storeId?: string;
};

/** blocked: the send policy no longer allows the message (see decideAtSendTime). */
export type DrainReport = {
  sent: number;
  retrying: number;
  failed: number;
  uncertain: number;
  blocked: number;
};

/** Rows queued before usernames carry `to` only; newer ones `to` or `recipient`. */
function addressOf(payload: RecipientAddress): RecipientAddress {
  return "to" in payload && payload.to ? { to: payload.to } : payload;
}

type ClaimedRow = {
  id: string;
  store_id: string;
  customer_id: string;
  message_id: string;
  /** Rows queued before the purpose was recorded have none (see send-time-policy.ts). */
  payload: RecipientAddress & Pick<OutboxPayload, "content"> & { purpose?: unknown };
  attempts: number;
  send_started_at: string | Date | null;
  claimed_until: string | Date;
  created_at: string | Date;
};

const UNCERTAIN_REASON =
  "Delivery uncertain: the sender stopped while this message was being sent, so it was not sent again (to avoid a duplicate). Check the chat and resend if needed.";

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED, so concurrent senders never take the same
 * row; a customer's next message waits until the one before it is finished, keeping order.
 */
async function claimDueRows(
  db: Database,
  now: Date,
  leaseMs: number,
  limit: number,
  storeId: string | undefined,
) {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const store = storeId ? sql`and o.store_id = ${storeId}` : sql``;
  const result = await db.execute(sql`
    update ${outbox} set claimed_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select o.id from ${outbox} o
      where o.sent_at is null and o.failed_at is null and o.next_attempt_at <= ${now}
        and (o.claimed_until is null or o.claimed_until < ${now}) ${store}
        and not exists (
          select 1 from ${outbox} earlier
          where earlier.customer_id = o.customer_id and earlier.sequence < o.sequence
            and earlier.sent_at is null and earlier.failed_at is null
        )
      order by o.next_attempt_at, o.sequence
      limit ${limit}
      for update skip locked
    )
    returning id, store_id, customer_id, message_id, payload, attempts, send_started_at,
      claimed_until, created_at`);
  return (result as unknown as { rows: ClaimedRow[] }).rows;
}

async function failRow(
  db: Database,
  row: ClaimedRow,
  now: Date,
  reason: string,
  code: number | null,
) {
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({ failedAt: now, claimedUntil: null, lastError: reason })
      .where(eq(outbox.id, row.id));
    await tx
      .update(messages)
      .set({ status: "failed", errorCode: code, errorReason: reason, failedAt: now })
      .where(and(eq(messages.id, row.message_id), eq(messages.status, "queued")));
  });
}

async function transmit(
  channel: WhatsAppChannel,
  row: ClaimedRow,
  fetchImpl: typeof fetch | undefined,
): Promise<SendResult> {
  if (channel.mode === "unconfigured") {
    return {
      ok: false,
      failure: {
        retryable: false,
        code: null,
        title: "not configured",
        httpStatus: null,
        reason: channel.reason,
      },
      retryAfterMs: null,
    };
  }
  if (channel.mode === "sandbox") return { ok: true, wamid: `wamid.SANDBOX.${randomUUID()}` };
  return sendWhatsAppMessage({
    graphApiUrl: channel.graphApiUrl,
    phoneNumberId: channel.phoneNumberId,
    accessToken: channel.accessToken,
    body: toGraphMessageBody(addressOf(row.payload), row.payload.content),
    fetchImpl,
  });
}

/**
 * Delivers due outbox rows (DESIGN §4.2), from `after()` and from the cron tick. Success
 * records the wamid; retryable failures back off with jitter; permanent ones fail the
 * message with a readable reason. A row whose previous attempt started but never recorded
 * its outcome (a crash mid-send) is failed as "uncertain" instead of being sent twice.
 * Right before the send, the policy is decided again; a message it no longer allows is blocked.
 */
export async function drainOutbox(
  db: Database,
  options: OutboxSenderOptions,
): Promise<DrainReport> {
  const now = options.now ?? (() => new Date());
  const report: DrainReport = { sent: 0, retrying: 0, failed: 0, uncertain: 0, blocked: 0 };
  const channels = new Map<string, Promise<WhatsAppChannel>>();
  const channelFor = (storeId: string) => {
    let channel = channels.get(storeId);
    if (!channel) {
      channel = resolveWhatsAppChannel(db, storeId, options.config);
      channels.set(storeId, channel);
    }
    return channel;
  };
  const more = (round: number) =>
    options.deadline !== undefined
      ? Date.now() < options.deadline
      : round < (options.maxRounds ?? 5);
  for (let round = 0; more(round); round++) {
    const rows = await claimDueRows(
      db,
      now(),
      options.leaseMs ?? 120_000,
      options.batchSize ?? 25,
      options.storeId,
    );
    if (rows.length === 0) break;
    // allSettled: one row's error must not return while other claimed rows are mid-send
    // (a serverless function may be frozen then, leaving them "uncertain"); rethrown below.
    const settled = await Promise.allSettled(
      rows.map(async (row) => {
        if (row.send_started_at) {
          await failRow(db, row, now(), UNCERTAIN_REASON, null);
          report.uncertain++;
          return;
        }
        // Resolved before the send is marked started: if the store's credentials cannot be
        // read (say, encrypted under a rotated key), nothing was sent, so the row waits for
        // the owner to enter them again instead of failing as "uncertain".
        let channel: WhatsAppChannel;
        try {
          channel = await channelFor(row.store_id);
        } catch (error) {
          const reason = `Cannot read the store's WhatsApp credentials (${error instanceof Error ? error.message : String(error)}); enter them again in Settings.`;
          if (await postponeOrGiveUp(db, row, now(), reason)) report.retrying++;
          else report.failed++;
          return;
        }
        // Consent and the window are decided again now: a STOP may have arrived, or the
        // 24-hour window closed, while the row waited.
        const decision = await decideAtSendTime(db, row, now());
        if (!decision.allowed) {
          if (await blockRow(db, row, now(), decision.explanation)) report.blocked++;
          return;
        }
        const [started] = await db
          .update(outbox)
          .set({ sendStartedAt: now() })
          .where(and(eq(outbox.id, row.id), eq(outbox.claimedUntil, new Date(row.claimed_until))))
          .returning({ id: outbox.id });
        if (!started) return; // the claim expired and another sender took the row
        const result = await transmit(channel, row, options.fetchImpl);
        await recordOutcome(db, row, result, now(), options.random);
        if (result.ok) report.sent++;
        else if (shouldRetry(row.attempts, result.failure)) report.retrying++;
        else report.failed++;
        if (result.ok && channel.mode === "sandbox" && options.onSandboxSent) {
          await options.onSandboxSent({
            storeId: row.store_id,
            phoneNumberId: channel.phoneNumberId,
            wamid: result.wamid,
            to: addressIdentity(addressOf(row.payload)),
          });
        }
      }),
    );
    const rejected = settled.find(
      (outcome): outcome is PromiseRejectedResult => outcome.status === "rejected",
    );
    if (rejected) throw rejected.reason;
  }
  return report;
}

const CREDENTIALS_RETRY_MS = 5 * 60_000;
/** How long a row waits for readable credentials, from when it was queued, before failing. */
export const CREDENTIALS_GIVE_UP_MS = 24 * 60 * 60_000;

/** Postpones the row (true), or fails it once it has waited CREDENTIALS_GIVE_UP_MS (false). */
async function postponeOrGiveUp(
  db: Database,
  row: ClaimedRow,
  now: Date,
  reason: string,
): Promise<boolean> {
  const waitedMs = now.getTime() - new Date(row.created_at).getTime();
  if (waitedMs >= CREDENTIALS_GIVE_UP_MS) {
    const hours = CREDENTIALS_GIVE_UP_MS / 3_600_000;
    await failRow(db, row, now, `${reason} Gave up after ${hours} hours.`, null);
    return false;
  }
  await db
    .update(outbox)
    .set({
      nextAttemptAt: new Date(now.getTime() + CREDENTIALS_RETRY_MS),
      claimedUntil: null,
      lastError: reason,
    })
    .where(eq(outbox.id, row.id));
  return true;
}

/**
 * Finishes a row the send policy no longer allows: nothing is sent, the message becomes
 * blocked with the reason. False if the claim expired and another sender holds the row.
 */
async function blockRow(db: Database, row: ClaimedRow, now: Date, reason: string) {
  return db.transaction(async (tx) => {
    const [finished] = await tx
      .update(outbox)
      .set({ failedAt: now, claimedUntil: null, lastError: reason })
      .where(and(eq(outbox.id, row.id), eq(outbox.claimedUntil, new Date(row.claimed_until))))
      .returning({ id: outbox.id });
    if (!finished) return false;
    await tx
      .update(messages)
      .set({ status: "blocked", errorCode: null, errorReason: reason })
      .where(and(eq(messages.id, row.message_id), eq(messages.status, "queued")));
    return true;
  });
}

async function recordOutcome(
  db: Database,
  row: ClaimedRow,
  result: SendResult,
  now: Date,
  random: (() => number) | undefined,
) {
  if (result.ok) {
    await db.transaction(async (tx) => {
      await tx
        .update(outbox)
        .set({ sentAt: now, claimedUntil: null, lastError: null })
        .where(eq(outbox.id, row.id));
      await tx
        .update(messages)
        .set({
          waMessageId: result.wamid,
          status: sql`case when ${messages.status} = 'queued' then 'sent'::message_status else ${messages.status} end`,
          sentAt: now,
        })
        .where(eq(messages.id, row.message_id));
    });
    return;
  }
  if (shouldRetry(row.attempts, result.failure)) {
    const delay = retryDelayMs(row.attempts, result, random);
    await db
      .update(outbox)
      .set({
        nextAttemptAt: new Date(now.getTime() + delay),
        claimedUntil: null,
        sendStartedAt: null,
        lastError: result.failure.reason,
      })
      .where(eq(outbox.id, row.id));
    return;
  }
  await failRow(db, row, now, result.failure.reason, result.failure.code);
}
