import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { users } from "@/db/schema";
import type { DashboardLanguage } from "@/lib/dashboard-i18n/languages";

/** The dashboard language a user chose, or null when they never chose one. */
export async function readUserLocale(db: Database, userId: string): Promise<string | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row?.locale ?? null;
}

export async function setUserLocale(
  db: Database,
  userId: string,
  locale: DashboardLanguage,
): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
