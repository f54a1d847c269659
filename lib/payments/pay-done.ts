import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { orders, paymentLinks, stores } from "@/db/schema";
import { matchLanguage, type ShopperLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import { storeChatUrl } from "./pay-page";
import { PAY_PAGE_MESSAGES } from "./pay-page-messages";
import { PAYMENT_TOKEN_PATTERN } from "./payment-link";

export const payDoneQuerySchema = z.object({
  token: z.string().regex(PAYMENT_TOKEN_PATTERN),
  result: z.enum(["success", "cancel"]).catch("success"),
});

export type PayDoneView = {
  language: ShopperLanguage;
  title: string;
  text: string;
  backLabel: string;
  /** wa.me link to the store's chat; null when its number cannot make one. */
  chatUrl: string | null;
  storeName: string;
};

/**
 * Where Stripe Checkout returns the shopper (success_url / cancel_url). It only reads: the
 * order changes when Stripe's signed event arrives, never because someone reached this page.
 */
export async function loadPayDoneView(
  db: Database,
  input: { token: string; result: string | undefined },
): Promise<PayDoneView | null> {
  const parsed = payDoneQuerySchema.safeParse(input);
  if (!parsed.success) return null;
  const [row] = await db
    .select({
      number: orders.number,
      language: orders.language,
      name: stores.name,
      whatsappNumber: stores.whatsappNumber,
    })
    .from(paymentLinks)
    .innerJoin(orders, eq(orders.id, paymentLinks.orderId))
    .innerJoin(stores, eq(stores.id, paymentLinks.storeId))
    .where(eq(paymentLinks.token, parsed.data.token));
  if (!row) return null;
  const language = matchLanguage(row.language) ?? "en";
  const text = PAY_PAGE_MESSAGES[language];
  const success = parsed.data.result === "success";
  return {
    language,
    title: success ? text.doneTitle : text.doneCancelTitle,
    text: formatMessage(success ? text.doneText : text.doneCancelText, { number: row.number }),
    backLabel: text.backToWhatsApp,
    chatUrl: storeChatUrl({ name: row.name, whatsappNumber: row.whatsappNumber }),
    storeName: row.name,
  };
}
