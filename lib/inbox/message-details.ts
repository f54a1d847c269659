import { formatMoney } from "@/lib/money/format";

/**
 * What the inbox shows about a message beyond its body: the customer's edits, deletions and
 * reactions, and a native WhatsApp cart item by item. Reads the stored content defensively:
 * rows written before a shape was kept whole simply show less.
 */

export type CartLine = { label: string; matched: boolean };

type StoredOrderItem = {
  retailerId?: unknown;
  quantity?: unknown;
  unitPriceMinor?: unknown;
  currency?: unknown;
  productId?: unknown;
};

/** "2 × MATCHA-SET · ¥3,200", per item of a catalog order; empty for any other content. */
export function catalogCartLines(content: Record<string, unknown>): CartLine[] {
  if (content.kind !== "order" || !Array.isArray(content.items)) return [];
  return (content.items as StoredOrderItem[]).map((item) => {
    const sku = typeof item.retailerId === "string" ? item.retailerId : "?";
    const quantity = typeof item.quantity === "number" ? item.quantity : 0;
    const price =
      typeof item.unitPriceMinor === "number" && typeof item.currency === "string"
        ? ` · ${formatMoney(item.unitPriceMinor, item.currency)}`
        : "";
    return { label: `${quantity} × ${sku}${price}`, matched: typeof item.productId === "string" };
  });
}
