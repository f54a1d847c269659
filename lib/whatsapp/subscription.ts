import "server-only";
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { readCredentialBySlug } from "@/lib/stores/credentials";

export const webhookQuerySchema = z.object({
  "hub.mode": z.string().optional(),
  "hub.verify_token": z.string().optional(),
  "hub.challenge": z.string().max(256).optional(),
});

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The challenge to echo, or null to refuse (wrong mode, wrong or unset token). */
export function verifyWebhookSubscription(
  query: z.infer<typeof webhookQuerySchema>,
  verifyToken: string | undefined,
): string | null {
  if (!verifyToken || query["hub.mode"] !== "subscribe") return null;
  const token = query["hub.verify_token"];
  const challenge = query["hub.challenge"];
  if (!token || challenge === undefined || !sameSecret(token, verifyToken)) return null;
  return challenge;
}

/**
 * The verify token Meta must send for this callback URL: the platform's for the plain URL; for
 * `?store=<slug>`, only the token generated for that store's own Meta app (never the
 * platform's, so one store's URL cannot be subscribed with another app's handshake).
 */
export async function expectedVerifyToken(
  db: Database,
  storeSlug: string | null,
  config: { verifyToken: string | undefined; encryptionKey: string },
): Promise<string | undefined> {
  if (storeSlug === null) return config.verifyToken;
  const found = await readCredentialBySlug(
    db,
    storeSlug,
    "whatsapp_verify_token",
    config.encryptionKey,
  );
  return found?.value;
}
