import type loyaltyEn from "./loyalty-en";

/** The Loyalty pages' strings in Japanese. */
const loyaltyJa: typeof loyaltyEn = {
  title: "ポイント",
};

export default loyaltyJa;
