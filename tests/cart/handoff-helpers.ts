/** Shared by the cart hand-off tests (not a test file itself): a cart, its /go link, a chat. */
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "@/db/drivers";
import { type Cart, customers, messages } from "@/db/schema";
import { trackedRedirect } from "@/lib/attribution/tracked-redirect";
import { addItem, createCart } from "@/lib/cart/cart";
import { BROWSER_UA, freshIp } from "../attribution/fixtures";
import { type ChatStoreFixture, deliverRaw, inboundBody } from "../whatsapp/fixtures";

/** A storefront cart: two Uji Matcha (¥3,200) and one Tea Bowl (¥8,800). */
export async function fullCart(db: Database, shop: ChatStoreFixture): Promise<Cart> {
  const cart = await createCart(db, shop.store.id);
  expect(await addItem(db, cart, shop.matcha.id, 2)).toMatchObject({ ok: true });
  expect(await addItem(db, cart, shop.bowl.id, 1)).toMatchObject({ ok: true });
  return cart;
}

/** What "Continue in WhatsApp" puts in the shopper's WhatsApp: /go with src=cart. */
export async function continueInWhatsApp(
  db: Database,
  shop: ChatStoreFixture,
  cart: Cart,
  lang: "en" | "ja",
): Promise<string> {
  const slug = shop.store.slug;
  const result = await trackedRedirect(db, {
    storeSlug: slug,
    method: "GET",
    url: new URL(`http://localhost/go/${slug}?src=cart&cart=${cart.token}&lang=${lang}`),
    headers: new Headers({ "user-agent": BROWSER_UA }),
    ip: freshIp(),
  });
  if (result.kind !== "redirect" || !result.ref) throw new Error("expected a recorded click");
  return new URL(result.location).searchParams.get("text") ?? "";
}

/** Sends `text` as the shopper through the signed webhook and the processor. */
export async function sendAsShopper(
  db: Database,
  shop: ChatStoreFixture,
  waId: string,
  text: string,
) {
  const { body } = inboundBody(shop, { type: "text", text }, { waId });
  expect(await deliverRaw(db, body)).toMatchObject({ status: 200, stored: 1, failed: 0 });
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, shop.store.id), eq(customers.waId, waId)));
  if (!customer) throw new Error("no customer");
  const replies = await db
    .select()
    .from(messages)
    .where(and(eq(messages.customerId, customer.id), eq(messages.direction, "outbound")))
    .orderBy(messages.createdAt);
  return { customer, replies };
}
