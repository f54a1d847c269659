/** Per line: more than this is not a chat purchase (a person should talk to the shopper). */
export const MAX_ORDER_QUANTITY = 99;
/** Distinct products in one order. */
export const MAX_ORDER_LINES = 30;

export function isValidOrderQuantity(quantity: number): boolean {
  return Number.isSafeInteger(quantity) && quantity >= 1 && quantity <= MAX_ORDER_QUANTITY;
}
