import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type ClickSource, clicks, events, products, qrCodes } from "@/db/schema";
import { findCart } from "@/lib/cart/cart";
import type { ClickProblems, GoQuery } from "./query";
import { generateRef } from "./refs";
import type { DeviceClass } from "./visitors";

/** What a click is about, found within the store; anything unknown is left out and explained. */
export type ClickTargets = {
  product?: { id: string; slug: string; name: string; translations: unknown };
  qrCode?: { id: string; code: string; prefilledMessage: string | null };
  cart?: { id: string };
  problems: ClickProblems;
};

const productColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  translations: products.translations,
  active: products.active,
};
type ProductRow = {
  id: string;
  slug: string;
  name: string;
  translations: unknown;
  active: boolean;
};

async function findProduct(db: Database, storeId: string, slug: string) {
  const [product] = await db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.slug, slug)));
  return product;
}

/** The QR code with the product it points at (joined within the same store). */
async function findQrCode(db: Database, storeId: string, code: string) {
  const [row] = await db
    .select({
      id: qrCodes.id,
      code: qrCodes.code,
      prefilledMessage: qrCodes.prefilledMessage,
      productId: qrCodes.productId,
      archivedAt: qrCodes.archivedAt,
      product: productColumns,
    })
    .from(qrCodes)
    .leftJoin(products, and(eq(products.id, qrCodes.productId), eq(products.storeId, storeId)))
    .where(and(eq(qrCodes.storeId, storeId), eq(qrCodes.code, code)));
  return row;
}

/**
 * Looks up the product (by slug), QR code (by public code) and cart (by token) a tracked
 * link names, all within `storeId`: another store's ids find nothing. An unknown or
 * archived QR code and an unknown or inactive product are left out, with the reason in
 * `problems`. A QR code that points at a product names it, unless the link names one itself.
 */
export async function resolveClickTargets(
  db: Database,
  storeId: string,
  query: Pick<GoQuery, "source" | "product" | "qr" | "cart">,
): Promise<ClickTargets> {
  const problems: ClickProblems = {};
  const targets: ClickTargets = { problems };

  const [productRow, qrRow, cartRow] = await Promise.all([
    query.product ? findProduct(db, storeId, query.product) : undefined,
    query.qr ? findQrCode(db, storeId, query.qr) : undefined,
    query.cart ? findCart(db, storeId, query.cart) : undefined,
  ]);

  if (query.qr) {
    if (!qrRow) problems.qr = `unknown:${query.qr}`;
    else if (qrRow.archivedAt) problems.qr = `archived:${query.qr}`;
    else {
      const { id, code, prefilledMessage } = qrRow;
      targets.qrCode = { id, code, prefilledMessage };
    }
  } else if (query.source === "qr") {
    problems.qr = "missing";
  }

  // The link's own product wins; otherwise the (live) QR code's.
  const fromQr = !query.product && targets.qrCode && qrRow?.productId;
  const product: ProductRow | null | undefined = query.product
    ? productRow
    : fromQr
      ? qrRow.product
      : undefined;
  if (query.product || fromQr) {
    if (!product) problems.product = `unknown:${query.product ?? "qr-product"}`;
    else if (!product.active) problems.product = `inactive:${product.slug}`;
    else {
      const { id, slug, name, translations } = product;
      targets.product = { id, slug, name, translations };
    }
  }

  // A cart token is a secret: problems say what went wrong, never the token.
  if (query.cart) {
    if (cartRow) targets.cart = { id: cartRow.id };
    else problems.cart = "unknown";
  } else if (query.source === "cart") {
    problems.cart = "missing";
  }
  return targets;
}

export type NewClickInput = {
  storeId: string;
  source: ClickSource;
  productId?: string | null;
  qrCodeId?: string | null;
  cartId?: string | null;
  pageUrl?: string | null;
  referrer?: string | null;
  language: string;
  deviceClass: DeviceClass;
  problems?: ClickProblems;
};

export type RecordClickOptions = {
  /** Tests inject duplicates here to prove a collision is retried. */
  generateRef?: () => string;
  maxAttempts?: number;
};

export class RefExhaustedError extends Error {
  override name = "RefExhaustedError";
}

/**
 * One statement that inserts the click and, only if the click got its ref, its `click`
 * event: atomic without an interactive transaction, and one round trip instead of four
 * (BEGIN, two inserts, COMMIT) on the serverless driver. Data-modifying CTEs always run to
 * completion, whether or not the outer select reads them.
 */
function insertClickWithEvent(input: NewClickInput, ref: string, problems: ClickProblems | null) {
  return sql`
    with click as (
      insert into ${clicks} (store_id, ref, source, product_id, qr_code_id, cart_id,
                             page_url, referrer, language, device_class, problems)
      values (${input.storeId}, ${ref}, ${input.source}, ${input.productId ?? null},
              ${input.qrCodeId ?? null}, ${input.cartId ?? null}, ${input.pageUrl ?? null},
              ${input.referrer ?? null}, ${input.language}, ${input.deviceClass},
              ${problems ? JSON.stringify(problems) : null}::jsonb)
      on conflict (store_id, ref) do nothing
      returning id, store_id, ref, source, product_id, qr_code_id, cart_id, created_at
    ), event as (
      insert into ${events} (store_id, type, source, properties, created_at)
      select store_id, 'click', source,
             jsonb_build_object('ref', ref, 'click', id, 'product', product_id,
                                'qr', qr_code_id, 'cart', cart_id),
             created_at
      from click
    )
    select id, ref from click`;
}

/**
 * Stores a click under a new random ref, unique per store, together with its `click`
 * event. The ref is claimed by the unique constraint (`insert … on conflict do nothing
 * returning`): a ref another click already holds returns no row (and writes no event),
 * and a fresh one is drawn. No check-then-insert, so concurrent clicks never share a ref.
 */
export async function recordClick(
  db: Database,
  input: NewClickInput,
  options: RecordClickOptions = {},
): Promise<{ id: string; ref: string }> {
  const nextRef = options.generateRef ?? generateRef;
  const maxAttempts = options.maxAttempts ?? 8;
  const problems = input.problems && Object.keys(input.problems).length ? input.problems : null;

  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const result = await db.execute(insertClickWithEvent(input, nextRef(), problems));
    // Both drivers answer { rows }, which the shared Database type leaves unknown.
    const [click] = (result as unknown as { rows: { id: string; ref: string }[] }).rows;
    if (click) return { id: click.id, ref: click.ref };
  }
  throw new RefExhaustedError(`No free ref after ${maxAttempts} attempts`);
}
