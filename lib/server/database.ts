import "server-only";
import { type DatabaseEnv, databaseEnv, isBuildPhase } from "@/lib/env";
import {
  assertReachable,
  type DatabaseHandle,
  openPglite,
  openPostgres,
  type Database,
} from "@/db/drivers";

export type { Database, DatabaseHandle } from "@/db/drivers";
export { DatabaseUnavailableError, DatabaseLockedError } from "@/db/drivers";

// Kept on globalThis so that dev-mode module reloads reuse the one connection
// (a second PGlite on the same directory would be refused by its lock).
const globalForDb = globalThis as typeof globalThis & {
  __chatcartDb?: Promise<DatabaseHandle>;
};

/**
 * Opens the database the way the app does. Only the embedded database is migrated
 * automatically (a DATABASE_URL deployment is migrated by `npm run db:migrate`). Seeding is
 * not done here, so that routes never bundle the demo: server start-up seeds it where
 * lib/demo/policy.ts allows (lib/demo/seed-on-start.ts).
 */
export async function openAppDatabase(
  config: DatabaseEnv = databaseEnv(),
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    const handle = openPostgres(config.DATABASE_URL, config.DATABASE_WS_PROXY);
    await assertReachable(handle);
    return handle;
  }
  if (config.VERCEL) {
    throw new Error(
      "DATABASE_URL is required on Vercel: the embedded database needs a writable disk.",
    );
  }
  const handle = await openPglite(config.DATA_DIR);
  await handle.migrate();
  console.log(`[chatcart] Embedded Postgres at ${handle.location}`);
  return handle;
}

/** The app's database: PGlite under DATA_DIR, or Neon's serverless Pool when DATABASE_URL is set. */
export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

export async function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (isBuildPhase()) {
    throw new Error("The database was opened during `next build`; make the caller dynamic.");
  }
  globalForDb.__chatcartDb ??= openAppDatabase().catch((error: unknown) => {
    // Forget the failure so the next request tries again (the server may come back).
    globalForDb.__chatcartDb = undefined;
    throw error;
  });
  return globalForDb.__chatcartDb;
}

/** Tests hand the app a database of their own (see tests/support/database.ts). */
export function setDatabaseForTests(handle: DatabaseHandle | undefined): void {
  globalForDb.__chatcartDb = handle ? Promise.resolve(handle) : undefined;
}
