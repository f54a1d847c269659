import type { Database } from "@/db/drivers";
import { carts, products, qrCodes, stores } from "@/db/schema";
import { generateCartToken } from "@/lib/cart/cart";

let counter = 0;

/**
 * A store with an active and an inactive product and three QR codes (one with its own
 * message, one pointing at a product, one archived), plus an active cart.
 */
export async function createAttributionStore(
  db: Database,
  overrides: {
    defaultLanguage?: string;
    whatsappNumber?: string;
    /** Public QR codes: with its own message, pointing at the matcha, archived. */
    codes?: [string, string, string];
  } = {},
) {
  const [cardCode = "GKQ234", productCodeValue = "PRD234", archivedCodeValue = "ARC234"] =
    overrides.codes ?? [];
  counter += 1;
  const [store] = await db
    .insert(stores)
    .values({
      slug: `tea-shop-${counter}-${Date.now().toString(36)}`,
      name: `Tea Shop ${counter}`,
      whatsappNumber: overrides.whatsappNumber ?? "+15550001234",
      currency: "JPY",
      timezone: "Asia/Tokyo",
      defaultLanguage: overrides.defaultLanguage ?? "en",
      languages: ["en", "ja"],
    })
    .returning();
  if (!store) throw new Error("store insert returned no row");
  const product = (slug: string, name: string, active = true) => ({
    storeId: store.id,
    slug,
    sku: slug.toUpperCase(),
    name,
    priceMinor: 1200,
    currency: "JPY",
    active,
  });
  const [matcha, retired] = await db
    .insert(products)
    .values([
      product("uji-matcha", "Uji Matcha & Sweets #1 🍵"),
      product("old-tea", "Old Tea", false),
    ])
    .returning();
  if (!matcha || !retired) throw new Error("product insert returned no rows");
  const [cardQr, productQr, archivedQr] = await db
    .insert(qrCodes)
    .values([
      {
        storeId: store.id,
        code: cardCode,
        name: "Shop card — Gion store",
        prefilledMessage: "Hello from the Gion shop card!",
      },
      { storeId: store.id, code: productCodeValue, name: "Matcha display", productId: matcha.id },
      { storeId: store.id, code: archivedCodeValue, name: "Old card", archivedAt: new Date() },
    ])
    .returning();
  if (!cardQr || !productQr || !archivedQr) throw new Error("QR insert returned no rows");
  const [cart] = await db
    .insert(carts)
    .values({ storeId: store.id, token: generateCartToken() })
    .returning();
  if (!cart) throw new Error("cart insert returned no row");
  return { store, matcha, retired, cardQr, productQr, archivedQr, cart };
}

export type AttributionStore = Awaited<ReturnType<typeof createAttributionStore>>;

let ip = 0;
/** A client address no other request in the file has used, so rate limits stay apart. */
export function freshIp(): string {
  ip += 1;
  return `198.51.${Math.floor(ip / 250)}.${(ip % 250) + 1}`;
}

export const BROWSER_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
