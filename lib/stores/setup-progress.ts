import "server-only";
import { and, count, eq, isNull, like, notLike, or, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { clicks, customers, orders, products, qrCodes, type Store } from "@/db/schema";
import { SIMULATOR_WA_ID_PREFIX } from "@/lib/simulator/customer";
import { listCredentialSummaries } from "./credentials";

export type SetupProgress = {
  hasOrders: boolean;
  /** The store has at least one product (active or archived). */
  productAdded: boolean;
  /** Someone on the team sent a message from the simulator. */
  simulatorTried: boolean;
  /** A shopper opened a chat from the widget on a page other than this app's storefront. */
  widgetInstalled: boolean;
  /** The store has a QR code, whose shop card is ready to print. */
  shopCardReady: boolean;
  whatsappConnected: boolean;
  /** The store has its own Stripe secret key and webhook secret (real payments, marked paid). */
  stripeConnected: boolean;
};

/** Whether a `select … limit 1` found a row. */
async function exists(query: PromiseLike<unknown[]>): Promise<boolean> {
  return (await query).length > 0;
}

/**
 * What a new store still has to do, from its own data (nothing is ticked by hand); drives
 * the first-run checklist on the overview.
 */
export async function loadSetupProgress(
  db: Database,
  store: Pick<Store, "id" | "slug" | "whatsappPhoneNumberId">,
): Promise<SetupProgress> {
  const one = { one: sql`1` };
  const [credentials, [orderCount], productAdded, simulatorTried, widgetInstalled, shopCardReady] =
    await Promise.all([
      listCredentialSummaries(db, store.id),
      db.select({ value: count() }).from(orders).where(eq(orders.storeId, store.id)),
      exists(db.select(one).from(products).where(eq(products.storeId, store.id)).limit(1)),
      exists(
        db
          .select(one)
          .from(customers)
          .where(
            and(
              eq(customers.storeId, store.id),
              like(customers.waId, `${SIMULATOR_WA_ID_PREFIX}%`),
            ),
          )
          .limit(1),
      ),
      exists(
        db
          .select(one)
          .from(clicks)
          .where(
            and(
              eq(clicks.storeId, store.id),
              eq(clicks.source, "widget"),
              // The app's own storefront carries the widget already: that proves nothing.
              or(isNull(clicks.pageUrl), notLike(clicks.pageUrl, `%/s/${store.slug}%`)),
            ),
          )
          .limit(1),
      ),
      exists(
        db
          .select(one)
          .from(qrCodes)
          .where(and(eq(qrCodes.storeId, store.id), isNull(qrCodes.archivedAt)))
          .limit(1),
      ),
    ]);
  const names = new Set(credentials.map((credential) => credential.name));
  return {
    hasOrders: (orderCount?.value ?? 0) > 0,
    productAdded,
    simulatorTried,
    widgetInstalled,
    shopCardReady,
    whatsappConnected: Boolean(store.whatsappPhoneNumberId) && names.has("whatsapp_access_token"),
    // A key without its webhook secret takes money that is never marked paid: not connected.
    stripeConnected: names.has("stripe_secret_key") && names.has("stripe_webhook_secret"),
  };
}
