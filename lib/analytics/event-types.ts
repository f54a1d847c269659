/**
 * The `events.type` values written today. Analytics queries filter on these; add a
 * type here when a feature starts recording it.
 */
export const EVENT_TYPES = {
  /** A tracked entry into a chat (/go): widget, product button, QR scan, cart, link. */
  click: "click",
  /** The first message of a conversation (attributed by ref, or unattributed). */
  chatStarted: "chat_started",
  /** An order's payment was confirmed. */
  orderPaid: "order_paid",
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];
