import "server-only";

import {
  classifyGraphResponse,
  classifyNetworkError,
  unexpectedResponseFailure,
  type SendFailure,
} from "@/lib/whatsapp/graph-errors";
import type { GraphMessageBody } from "@/lib/whatsapp/graph-request";

export type SendResult =
  { ok: true; wamid: string } | { ok: false; failure: SendFailure; retryAfterMs: number | null };

export type SendWhatsAppMessageOptions = {
  /** e.g. "https://graph.facebook.com/v23.0" (a trailing slash is fine). */
  graphApiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  body: GraphMessageBody;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

/**
 * Sends one message through the WhatsApp Cloud API. Never throws for HTTP or network
 * problems: every outcome is a `SendResult`, so the outbox decides what to retry.
 */
export async function sendWhatsAppMessage(
  options: SendWhatsAppMessageOptions,
): Promise<SendResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const fetchImpl = options.fetchImpl ?? fetch;
  const url = messagesUrl(options.graphApiUrl, options.phoneNumberId);

  let response: Response;
  let payload: unknown;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${options.accessToken}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(options.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The timeout also covers reading the body, which can stall or be cut off.
    payload = parseJson(await response.text());
  } catch (error) {
    return { ok: false, failure: classifyNetworkError(error, timeoutMs), retryAfterMs: null };
  }

  if (response.ok) {
    const wamid = messageId(payload);
    if (wamid !== null) return { ok: true, wamid };
    return { ok: false, failure: unexpectedResponseFailure(response.status), retryAfterMs: null };
  }

  return {
    ok: false,
    failure: classifyGraphResponse(response.status, payload),
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
  };
}

export function messagesUrl(graphApiUrl: string, phoneNumberId: string): string {
  return `${graphApiUrl.replace(/\/$/, "")}/${encodeURIComponent(phoneNumberId)}/messages`;
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** `{ messages: [{ id: "wamid..." }] }` → the id; anything else → null. */
function messageId(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null || !("messages" in payload)) return null;
  const messages: unknown = payload.messages;
  if (!Array.isArray(messages)) return null;
  const first: unknown = messages[0];
  if (typeof first !== "object" || first === null || !("id" in first)) return null;
  const id: unknown = first.id;
  return typeof id === "string" && id !== "" ? id : null;
}
