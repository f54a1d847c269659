/** A cart line holds 1 to 99 of a product. */
export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 99;

export function isValidQuantity(quantity: number): boolean {
  return Number.isInteger(quantity) && quantity >= MIN_QUANTITY && quantity <= MAX_QUANTITY;
}
