import type { SendFailure } from "@/lib/whatsapp/graph-errors";

/** How often the outbox tries one message before marking it failed. */
export const MAX_SEND_ATTEMPTS = 8;

export const BASE_RETRY_DELAY_MS = 2_000;
export const MAX_RETRY_DELAY_MS = 15 * 60_000;
/** Meta allows roughly one message every 6 s to the same customer (error 131056). */
export const PAIR_RATE_SPACING_MS = 6_000;

const PAIR_RATE_LIMIT_CODE = 131056;

/** What the delay depends on; a failed `SendResult` from lib/whatsapp/client.ts fits as is. */
export type RetryableFailure = {
  failure: Pick<SendFailure, "code">;
  retryAfterMs: number | null;
};

/**
 * Milliseconds to wait before the next try, after `attempt` (1 = the first try) failed.
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and
 * Jitter"), so senders that failed together don't retry together; never less than the
 * server's Retry-After; never more than MAX_RETRY_DELAY_MS.
 */
export function retryDelayMs(
  attempt: number,
  failed: RetryableFailure,
  random: () => number = Math.random,
): number {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** (n - 1));
  const jittered = Math.floor(clampUnit(random()) * ceiling);

  const retryAfter =
    failed.retryAfterMs !== null && failed.retryAfterMs > 0 ? failed.retryAfterMs : 0;
  const pairFloor = failed.failure.code === PAIR_RATE_LIMIT_CODE ? PAIR_RATE_SPACING_MS * n : 0;

  return Math.min(MAX_RETRY_DELAY_MS, Math.max(jittered, retryAfter, pairFloor));
}

/** Whether a failure after `attempt` tries should be tried again. */
export function shouldRetry(attempt: number, failure: Pick<SendFailure, "retryable">): boolean {
  return failure.retryable && attempt < MAX_SEND_ATTEMPTS;
}

function clampUnit(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value > 1 ? 1 : value;
}
