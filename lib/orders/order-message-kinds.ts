/** What the shopper is told about an order (lib/orders/notify.ts). Pure, so settings can use it. */
export const ORDER_MESSAGE_KINDS = [
  "confirmation",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
  "partially_refunded",
] as const;
export type OrderMessageKind = (typeof ORDER_MESSAGE_KINDS)[number];

/** What a template variable ({{1}}, {{2}} …) of an order message can be filled with. */
export const ORDER_TEMPLATE_VALUES = [
  "order_number",
  "customer_name",
  "total",
  "items",
  "tracking_url",
  "refund_amount",
  "store_name",
] as const;
export type OrderTemplateValue = (typeof ORDER_TEMPLATE_VALUES)[number];

/** Variables an owner can map per template (Bot settings → Templates). */
export const ORDER_TEMPLATE_MAX_VARIABLES = 5;
