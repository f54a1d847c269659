import { timingSafeEqual } from "node:crypto";
import { z } from "zod";

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
