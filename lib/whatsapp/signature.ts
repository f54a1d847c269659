import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";

/** The X-Hub-Signature-256 header Meta sends: HMAC-SHA256 of the raw body, hex. */
export function signWebhookBody(rawBody: Uint8Array | string, appSecret: string): string {
  return PREFIX + createHmac("sha256", appSecret).update(rawBody).digest("hex");
}

/**
 * Checks X-Hub-Signature-256 over the exact bytes received (never a re-serialised body: Meta
 * escapes non-ASCII as \uXXXX, and any re-encoding changes the bytes). Constant-time compare.
 */
export function isValidWebhookSignature(
  rawBody: Uint8Array,
  header: string | null,
  appSecret: string,
): boolean {
  if (!header?.startsWith(PREFIX)) return false;
  const received = Buffer.from(header.slice(PREFIX.length), "hex");
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}
