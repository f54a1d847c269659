import "server-only";
import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, type Order, orders } from "@/db/schema";
import { matchLanguage } from "@/lib/i18n/languages";
import { formatMessage } from "@/lib/i18n/messages";
import { conversationOf } from "@/lib/orders/notify";
import { queueOutgoingMessage, type QueueMessageResult } from "@/lib/whatsapp/queue-message";
import { hasConsent } from "@/lib/whatsapp/send-policy";
import { LOYALTY_CHAT_IDS } from "./chat-ids";
import { INVITE_MESSAGES } from "./invite-messages";
import { findAccount } from "./ledger";
import { markInvited } from "./membership";
import { loadProgramme } from "./program";

export const inviteDedupeKey = (customerId: string) => `loyalty:invite:${customerId}`;

async function paidBefore(tx: Database, order: Order, customerId: string): Promise<boolean> {
  const [other] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, order.storeId),
        eq(orders.customerId, customerId),
        isNotNull(orders.paidAt),
        ne(orders.id, order.id),
      ),
    )
    .limit(1);
  return Boolean(other);
}

/**
 * After a customer's first paid order, in the transaction that marked it paid: an opted-in
 * customer who is not a member is asked once (markInvited) whether to join, with buttons the
 * bot answers (LOYALTY_CHAT_IDS.join / notNow). Queued as business-initiated free-form
 * content, so outside the 24-hour window it is recorded blocked with the reason and not sent;
 * the question is not asked again (the shopper can still join by sending "points").
 * Returns null when there was nothing to ask.
 */
export async function inviteAfterFirstOrder(
  tx: Database,
  order: Order,
  now: Date,
): Promise<QueueMessageResult | null> {
  const customerId = order.customerId;
  if (!customerId) return null;
  const programme = await loadProgramme(tx, order.storeId);
  if (!programme?.enabled) return null;
  const [customer] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, order.storeId), eq(customers.id, customerId)));
  if (!customer || !hasConsent(customer)) return null;
  const account = await findAccount(tx, order.storeId, customerId);
  if (account?.joinedAt || account?.invitedAt) return null;
  if (await paidBefore(tx, order, customerId)) return null;
  const conversationId = await conversationOf(tx, order, customerId);
  if (!conversationId) return null;
  if (!(await markInvited(tx, { storeId: order.storeId, customerId, now }))) return null;

  const language = matchLanguage(order.language) ?? "en";
  const words = INVITE_MESSAGES[language];
  const bonus = programme.rules.signupBonus;
  return queueOutgoingMessage(tx, {
    storeId: order.storeId,
    conversationId,
    customer,
    content: {
      type: "buttons",
      body: formatMessage(bonus > 0 ? words.withBonus : words.withoutBonus, {
        programme: programme.name,
        bonus: new Intl.NumberFormat(language).format(bonus),
      }),
      buttons: [
        { id: LOYALTY_CHAT_IDS.join, title: words.join },
        { id: LOYALTY_CHAT_IDS.notNow, title: words.notNow },
      ],
    },
    author: "system",
    purpose: "business_initiated",
    dedupeKey: inviteDedupeKey(customerId),
    intent: "loyalty_invite",
    now,
    // After the confirmation queued at the same instant.
    createdAt: new Date(now.getTime() + 1),
  });
}
