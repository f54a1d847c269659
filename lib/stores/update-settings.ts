import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { stores } from "@/db/schema";
import {
  type BotSettings,
  type BusinessHours,
  type PaymentSettings,
  readStoreSettings,
  type StoreSettings,
  storeSettingsSchema,
  type WidgetSettings,
} from "./settings";

export type StoreSettingsPatch = {
  widget?: Partial<WidgetSettings>;
  bot?: Partial<BotSettings>;
  payments?: Partial<PaymentSettings>;
  businessHours?: Partial<Omit<BusinessHours, "days">> & {
    days?: Partial<BusinessHours["days"]>;
  };
};

/**
 * Merges `patch` into the store's settings, validates the result with `storeSettingsSchema`
 * (throws a ZodError when it does not validate, writing nothing) and saves it. Keys of
 * `stores.settings` this schema does not know (other features' settings) are kept. The row
 * is locked for the read-modify-write, so two saves at once cannot drop each other's changes.
 */
export async function updateStoreSettings(
  db: Database,
  storeId: string,
  patch: StoreSettingsPatch,
): Promise<StoreSettings> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ settings: stores.settings })
      .from(stores)
      .where(eq(stores.id, storeId))
      .for("update");
    if (!row) throw new Error("store not found");
    const current = readStoreSettings(row.settings);
    const next = storeSettingsSchema.parse({
      widget: { ...current.widget, ...patch.widget },
      bot: { ...current.bot, ...patch.bot },
      payments: { ...current.payments, ...patch.payments },
      businessHours: {
        ...current.businessHours,
        ...patch.businessHours,
        days: { ...current.businessHours.days, ...patch.businessHours?.days },
      },
    });
    await tx
      .update(stores)
      .set({ settings: { ...row.settings, ...next }, updatedAt: new Date() })
      .where(eq(stores.id, storeId));
    return next;
  });
}
