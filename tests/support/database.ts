/**
 * A fresh, migrated database for each integration test file.
 *
 * TEST_DB_BACKEND=pglite (default): in-memory PGlite.
 * TEST_DB_BACKEND=postgres: a new database on the server named by TEST_DATABASE_URL,
 * reached through the Neon serverless driver and the proxy started by
 * tests/support/postgres-global-setup.ts, dropped again on close().
 */
import { randomBytes } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, inject } from "vitest";
import { type Database, type DatabaseHandle, openPglite, openPostgres } from "@/db/drivers";
import "./provided-context";

export type TestDbBackend = "pglite" | "postgres";

function readBackend(): TestDbBackend {
  const value = process.env.TEST_DB_BACKEND ?? "pglite";
  if (value !== "pglite" && value !== "postgres") {
    throw new Error(`TEST_DB_BACKEND must be "pglite" or "postgres", got "${value}"`);
  }
  return value;
}

/** The backend this run uses; put it in test titles so the output says where a test ran. */
export const testDbBackend: TestDbBackend = readBackend();

/** Raw SQL rows; both drivers return `{ rows }`, which the shared Database type leaves unknown. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

async function withAdminConnection<T>(run: (admin: DatabaseHandle) => Promise<T>): Promise<T> {
  const admin = openPostgres(requireTestDatabaseUrl(), inject("dbProxyAddress"));
  try {
    return await run(admin);
  } finally {
    await admin.close();
  }
}

function requireTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      "TEST_DB_BACKEND=postgres needs TEST_DATABASE_URL (see scripts/run-integration-tests.mjs)",
    );
  return url;
}

async function createPostgresTestDatabase(migrated: boolean): Promise<DatabaseHandle> {
  // Only [a-z0-9_], so the name is safe to splice into DDL.
  const name = `chatcart_test_${randomBytes(6).toString("hex")}`;
  await withAdminConnection((admin) => admin.db.execute(`create database ${name}`));
  const url = new URL(requireTestDatabaseUrl());
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), inject("dbProxyAddress"));
  const dropDatabase = () =>
    withAdminConnection(async (admin) => {
      // pool.end() resolves before the server has seen every client leave; waiting a
      // moment spares them a noisy "terminating connection" from `with (force)`.
      for (let attempt = 0; attempt < 40; attempt++) {
        const [row] = await queryRows<{ connections: number }>(
          admin.db,
          sql`select count(*)::int as connections from pg_stat_activity where datname = ${name}`,
        );
        if (!row?.connections) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.db.execute(`drop database if exists ${name} with (force)`);
    });
  try {
    if (migrated) await handle.migrate();
  } catch (error) {
    await handle.close();
    await dropDatabase();
    throw error;
  }
  return {
    ...handle,
    close: async () => {
      try {
        await handle.close();
      } finally {
        await dropDatabase();
      }
    },
  };
}

/** Like createTestDatabase(), but with no migration applied (for migration tests). */
export async function createEmptyTestDatabase(): Promise<DatabaseHandle> {
  if (testDbBackend === "postgres") return createPostgresTestDatabase(false);
  return openPglite();
}

export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (testDbBackend === "postgres") return createPostgresTestDatabase(true);
  const handle = await openPglite();
  await handle.migrate();
  return handle;
}

/**
 * Makes `handle` what the app's getDb() returns (undefined restores the default).
 * Imported lazily so that tests needing only createTestDatabase() do not load the
 * app's env and seed modules.
 */
async function installAsAppDatabase(handle: DatabaseHandle | undefined): Promise<void> {
  const { setDatabaseForTests } = await import("@/lib/server/database");
  setDatabaseForTests(handle);
}

/**
 * For a test file: a fresh database before its tests, installed as the app's database
 * (so code that calls getDb() uses it), closed and dropped after them.
 */
export function setupTestDatabase(): () => Database {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await installAsAppDatabase(handle);
  });
  afterAll(async () => {
    await installAsAppDatabase(undefined);
    await handle?.close();
    handle = undefined;
  });
  return () => {
    if (!handle)
      throw new Error("setupTestDatabase(): the database exists only inside tests and hooks");
    return handle.db;
  };
}
