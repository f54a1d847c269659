/** The Loyalty pages' strings in English (the shape loyalty-ja.ts follows). */
const loyaltyEn = {
  title: "Loyalty",
};

export default loyaltyEn;
