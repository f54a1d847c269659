/**
 * Ids of the loyalty buttons and list rows the bot sends; the intents that answer them
 * match on these. Order ids ride along so a tap answers for the order it was asked about.
 */
export const LOYALTY_CHAT_IDS = {
  /** The question after a first paid order, and the answer to "join". */
  join: "loyalty:join",
  notNow: "loyalty:not-now",
  /** The menu's "My points" row. */
  myPoints: "loyalty:points",
  birthday: "loyalty:birthday",
  /** `loyalty:use:<orderId>` / `loyalty:full:<orderId>`: the offer before a payment link. */
  usePointsPrefix: "loyalty:use:",
  payFullPrefix: "loyalty:full:",
} as const;
