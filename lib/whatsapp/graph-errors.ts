/**
 * Turns a failed Cloud API send into something the outbox can act on (retry or give up) and
 * the inbox can show (`reason`, plain English). Codes: Meta's "WhatsApp Cloud API error codes".
 */

export type SendFailure = {
  retryable: boolean;
  /** Meta's error code, when the response carried one. */
  code: number | null;
  title: string;
  httpStatus: number | null;
  reason: string;
};

/** The parts of Meta's `{ error: { ... } }` body we use; every field is optional on the wire. */
export type GraphErrorDetails = {
  message: string | null;
  type: string | null;
  code: number | null;
  subcode: number | null;
  details: string | null;
  fbtraceId: string | null;
};

type KnownCode = { retryable: boolean; title: string; reason: string };

const RETRY_LATER = "It will be sent again automatically.";

const KNOWN_CODES: ReadonlyMap<number, KnownCode> = new Map([
  [4, rate("Application request limit reached", "The app hit WhatsApp's API call limit.")],
  [80007, rate("Rate limit issues", "The WhatsApp Business Account hit its rate limit.")],
  [130429, rate("Rate limit hit", "WhatsApp's message throughput limit was reached.")],
  [
    131056,
    rate(
      "Pair rate limit hit",
      "Too many messages were sent to this customer in a short time, so WhatsApp asked us to slow down.",
    ),
  ],
  [131000, rate("Something went wrong", "WhatsApp had an internal problem sending this message.")],
  [131016, rate("Service unavailable", "WhatsApp is temporarily unavailable.")],
  [
    131047,
    permanent(
      "Re-engagement message",
      "More than 24 hours have passed since the customer last replied, so WhatsApp only allows an approved template. Re-engage them with a template message.",
    ),
  ],
  [
    131026,
    permanent(
      "Message undeliverable",
      "WhatsApp couldn't deliver this message. The number may not be on WhatsApp, or the customer hasn't accepted WhatsApp's latest terms or uses an old app version.",
    ),
  ],
  [131051, permanent("Unsupported message type", "WhatsApp doesn't support this message type.")],
  [
    132000,
    permanent(
      "Template parameter count mismatch",
      "The template's variables don't match its approved definition (wrong number of parameters).",
    ),
  ],
  [
    132001,
    permanent(
      "Template does not exist",
      "The template doesn't exist in this language or hasn't been approved yet.",
    ),
  ],
  [
    190,
    permanent(
      "Access token expired or invalid",
      "The WhatsApp access token has expired or is invalid. Reconnect WhatsApp in the store settings.",
    ),
  ],
  [100, permanent("Invalid parameter", "WhatsApp rejected a parameter in the message.")],
  [
    131030,
    permanent(
      "Recipient not in allowed list",
      "This number isn't in the allowed recipient list. A test number can only message recipients added in Meta's dashboard.",
    ),
  ],
  [
    368,
    permanent(
      "Temporarily blocked for policy violations",
      "The WhatsApp account is temporarily blocked from sending for policy violations.",
    ),
  ],
]);

function rate(title: string, reason: string): KnownCode {
  return { retryable: true, title, reason: `${reason} ${RETRY_LATER}` };
}

function permanent(title: string, reason: string): KnownCode {
  return { retryable: false, title, reason };
}

/**
 * The readable reason for a code Meta reports in a failed *status* webhook, so a failure
 * reads the same whether the send was refused or the delivery failed later. Retry wording
 * is left out: a failed status is final.
 */
export function describeStatusError(code: number, fallback: string): string {
  const known = KNOWN_CODES.get(code);
  if (!known) return fallback;
  return known.retryable ? known.reason.replace(` ${RETRY_LATER}`, "") : known.reason;
}

/** Reads Meta's error body without trusting its shape; `null` when it isn't one. */
export function parseGraphError(body: unknown): GraphErrorDetails | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const error = body.error;
  const errorData = isRecord(error.error_data) ? error.error_data : {};
  return {
    message: stringOrNull(error.message),
    type: stringOrNull(error.type),
    code: integerOrNull(error.code),
    subcode: integerOrNull(error.error_subcode),
    details: stringOrNull(errorData.details),
    fbtraceId: stringOrNull(error.fbtrace_id),
  };
}

/** Classifies a non-2xx HTTP response from the Graph API, given its parsed JSON body (or null). */
export function classifyGraphResponse(httpStatus: number, body: unknown): SendFailure {
  const error = parseGraphError(body);
  const code = error?.code ?? null;
  const known = code !== null ? KNOWN_CODES.get(code) : undefined;
  const metaText = error?.details ?? stripCodePrefix(error?.message ?? null);

  if (known) {
    // Meta's own detail often names the offending field, which helps with code 100.
    const reason = code === 100 && metaText ? `${known.reason} ${metaText}` : known.reason;
    return { retryable: known.retryable, code, title: known.title, httpStatus, reason };
  }

  const title = stripCodePrefix(error?.message ?? null) ?? `HTTP ${httpStatus}`;
  if (httpStatus === 429) {
    return {
      retryable: true,
      code,
      title,
      httpStatus,
      reason: `WhatsApp asked us to slow down (too many requests). ${RETRY_LATER}`,
    };
  }
  if (httpStatus >= 500) {
    return {
      retryable: true,
      code,
      title,
      httpStatus,
      reason: `WhatsApp's servers returned an error (HTTP ${httpStatus}). ${RETRY_LATER}`,
    };
  }
  return {
    retryable: false,
    code,
    title,
    httpStatus,
    reason: metaText
      ? `WhatsApp rejected the message: ${metaText}`
      : `WhatsApp rejected the message (HTTP ${httpStatus}).`,
  };
}

/** Classifies a send that never got an HTTP response (timeout, refused, reset). */
export function classifyNetworkError(error: unknown, timeoutMs: number): SendFailure {
  if (isTimeout(error)) {
    return {
      retryable: true,
      code: null,
      title: "Timeout",
      httpStatus: null,
      reason: `WhatsApp didn't answer within ${formatSeconds(timeoutMs)}. ${RETRY_LATER}`,
    };
  }
  return {
    retryable: true,
    code: null,
    title: "Network error",
    httpStatus: null,
    reason: `Couldn't reach WhatsApp (${networkCause(error)}). ${RETRY_LATER}`,
  };
}

/** A 2xx that doesn't look like a send confirmation: retrying could send the message twice. */
export function unexpectedResponseFailure(httpStatus: number): SendFailure {
  return {
    retryable: false,
    code: null,
    title: "Unexpected response",
    httpStatus,
    reason: `WhatsApp returned an unexpected response (HTTP ${httpStatus}) without a message id, so it's unknown whether the message was sent.`,
  };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function networkCause(error: unknown): string {
  // undici wraps the socket error: TypeError("fetch failed", { cause: { code: "ECONNRESET" } }).
  const cause = error instanceof Error ? error.cause : undefined;
  const code = isRecord(cause) ? stringOrNull(cause.code) : null;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection closed unexpectedly";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "DNS lookup failed";
  return code ? `network error ${code}` : "network error";
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}

/** "(#131047) Re-engagement message" → "Re-engagement message". */
function stripCodePrefix(message: string | null): string | null {
  if (message === null) return null;
  const stripped = message.replace(/^\(#\d+\)\s*/, "").trim();
  return stripped === "" ? null : stripped;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

// Some proxies (and older API versions) send the code as a numeric string.
function integerOrNull(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return null;
}
