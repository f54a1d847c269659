import "server-only";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { orders, type Store } from "@/db/schema";
import { listCredentialSummaries } from "./credentials";

export type SetupProgress = {
  hasOrders: boolean;
  whatsappConnected: boolean;
  stripeConnected: boolean;
};

/** What a new store still has to do; drives the first-run checklist on the overview. */
export async function loadSetupProgress(
  db: Database,
  store: Pick<Store, "id" | "whatsappPhoneNumberId">,
): Promise<SetupProgress> {
  const [credentials, [orderCount]] = await Promise.all([
    listCredentialSummaries(db, store.id),
    db.select({ value: count() }).from(orders).where(eq(orders.storeId, store.id)),
  ]);
  const names = new Set(credentials.map((credential) => credential.name));
  return {
    hasOrders: (orderCount?.value ?? 0) > 0,
    whatsappConnected: Boolean(store.whatsappPhoneNumberId) && names.has("whatsapp_access_token"),
    stripeConnected: names.has("stripe_secret_key"),
  };
}
