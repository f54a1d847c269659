"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { stripePlatformConfig } from "@/lib/payments/config";
import { isPastExpiry, PAYMENT_TOKEN_PATTERN } from "@/lib/payments/payment-link";
import { loadSandboxCheckout, paySandboxOrder } from "@/lib/payments/sandbox-checkout";
import { getDb } from "@/lib/server/database";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

const tokenForm = z.object({ token: z.string().regex(PAYMENT_TOKEN_PATTERN) });

function tokenOf(form: FormData): string {
  const parsed = tokenForm.safeParse({ token: form.get("token") });
  if (!parsed.success) notFound();
  return parsed.data.token;
}

/** *Pay (test)*: Stripe's completed event for the order, signed, received and applied. */
export async function payTestCheckoutAction(form: FormData): Promise<never> {
  const token = tokenOf(form);
  const db = await getDb();
  const configs = { stripe: stripePlatformConfig(), whatsapp: whatsappPlatformConfig() };
  const checkout = await loadSandboxCheckout(db, token, configs);
  if (!checkout) notFound();
  if (checkout.order.status === "pending" && !isPastExpiry(checkout.order, new Date())) {
    await paySandboxOrder(db, checkout, configs);
  }
  redirect(`/pay/${token}/done?result=success`);
}

/** *Decline*: nothing is paid; the shopper can still pay from the link later. */
export async function declineTestCheckoutAction(form: FormData): Promise<never> {
  const token = tokenOf(form);
  const checkout = await loadSandboxCheckout(await getDb(), token, {
    stripe: stripePlatformConfig(),
  });
  if (!checkout) notFound();
  redirect(`/pay/${token}/done?result=cancel`);
}
