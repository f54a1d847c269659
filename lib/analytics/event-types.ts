/**
 * The `events.type` values written today. Analytics queries filter on these; add a
 * type here when a feature starts recording it.
 */
export const EVENT_TYPES = {
  /** A tracked entry into a chat (/go): widget, product button, QR scan, cart, link. */
  click: "click",
  /** The first message of a conversation (attributed by ref, or unattributed). */
  chatStarted: "chat_started",
  /** An order was made (bot Buy, cart Pay now, agent link, WhatsApp catalog cart). */
  orderCreated: "order_created",
  /** A payment link message was queued to the shopper (properties.messageId). */
  linkSent: "link_sent",
  /** A shopper opened /pay/<token> (not a link preview or prefetch). */
  linkOpened: "link_opened",
  /** An order's payment was confirmed. */
  orderPaid: "order_paid",
  /** Stripe confirmed a refund of an order (properties.amountMinor, full). */
  orderRefunded: "order_refunded",
  /** A member's points for a paid order (properties.points, bonus, balance, tierFrom/tierTo). */
  pointsEarned: "points_earned",
  /** Stripe refused a call for a reason only the owner can fix (properties.message). */
  paymentsError: "payments_error",
  /** A customer's cart (or unpaid order) was left past the store's delay (properties.valueMinor). */
  cartAbandoned: "cart_abandoned",
  /** A recovery reminder was queued (properties.recoveryId, step, channel, messageId). */
  reminderSent: "reminder_sent",
  /** An order was paid after a delivered reminder (properties.amountMinor, step, recoveryId). */
  cartRecovered: "cart_recovered",
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];
