import { randomBytes } from "node:crypto";

/** 32 random bytes as base64url: 256 bits, 43 characters. */
export const PAYMENT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generatePaymentToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The link the shopper gets in the chat: ours, never Stripe's (it outlives any one session). */
export function paymentLinkUrl(origin: string, token: string): string {
  return new URL(`/pay/${token}`, origin).toString();
}

/**
 * A pending order past its `expires_at` (points were redeemed on it) can no longer be paid:
 * no Checkout Session is made for it, and tick cancels it and returns the points.
 */
export function isPastExpiry(order: { expiresAt: Date | null }, now: Date): boolean {
  return order.expiresAt !== null && order.expiresAt.getTime() <= now.getTime();
}
