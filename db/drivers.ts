import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Pool, neonConfig } from "@neondatabase/serverless";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { migrate as migrateNeon } from "drizzle-orm/neon-serverless/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import ws from "ws";
import { repairRewrittenMigrations } from "./migration-repairs";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  /** Human-readable location with any password removed. */
  location: string;
  /** Applies the migrations in `migrationsFolder` (default: the app's own). */
  migrate: (migrationsFolder?: string) => Promise<void>;
  close: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}

export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is single-process: two processes writing the same directory corrupt it.
 * A pid file makes the second process fail with a clear message instead.
 */
function acquirePgliteLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "pglite.pid");
  if (existsSync(lockFile)) {
    const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    if (Number.isFinite(holder) && holder !== process.pid && isProcessAlive(holder)) {
      throw new DatabaseLockedError(
        `The embedded database in ${dataDir} is already open in process ${holder}. ` +
          "Stop the other Chatcart process (or set DATA_DIR to another folder) and try again.",
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (readFileSync(lockFile, "utf8") === String(process.pid)) rmSync(lockFile);
    } catch {
      // already gone
    }
  };
}

/** Embedded Postgres. `dataDir` undefined means in memory (tests). */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  const pgliteDir = dataDir
    ? path.join(path.resolve(/*turbopackIgnore: true*/ dataDir), "pglite")
    : undefined;
  const releaseLock = dataDir
    ? acquirePgliteLock(path.resolve(/*turbopackIgnore: true*/ dataDir))
    : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create(pgliteDir ? { dataDir: pgliteDir } : {});
  } catch (error) {
    releaseLock();
    throw error;
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db: db as unknown as Database,
    kind: "pglite",
    location: pgliteDir ?? "memory",
    migrate: async (migrationsFolder = MIGRATIONS_FOLDER) => {
      await repairRewrittenMigrations(db, migrationsFolder);
      await migratePglite(db, { migrationsFolder });
    },
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * Configures the Neon serverless driver. With `wsProxy` (host:port of scripts/db-proxy.ts)
 * the same driver reaches a plain PostgreSQL server, which is how tests and local
 * development exercise the production code path.
 */
export function configureNeon(wsProxy?: string): void {
  neonConfig.webSocketConstructor = ws;
  if (wsProxy) {
    neonConfig.wsProxy = (host, port) => `${wsProxy}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    // Pipelining the startup message breaks password (SCRAM/MD5) authentication on plain Postgres.
    neonConfig.pipelineConnect = false;
  }
}

/** Session settings of every pooled connection (see openPostgres). */
export const POOL_OPTIONS = "-c jit=off -c max_parallel_workers_per_gather=0";

export function openPostgres(url: string, wsProxy?: string): DatabaseHandle {
  configureNeon(wsProxy);
  // JIT compiles a plan once its estimated cost is high — the analytics aggregates — and on
  // these short queries the compiling took longer than running (3.1 s of which 2.3 s JIT, for
  // a 12-month report at scale; docs/PERFORMANCE.md). Parallel workers likewise: starting
  // them cost ~20 ms per statement, more than the index range scans they split (a 30-day
  // ledger sum: 43 ms parallel, 11 ms not), and a page already sends its statements in
  // parallel over the pool. No query here runs long enough to win from either.
  const pool = new Pool({ connectionString: url, options: POOL_OPTIONS });
  // An idle client that loses its socket emits 'error' on the pool; without a
  // listener that would crash the process.
  pool.on("error", (error: Error) => console.error("[db] idle client error:", error.message));
  const db = drizzleNeon({ client: pool, schema, casing: "snake_case" });
  return {
    db: db as unknown as Database,
    kind: "postgres",
    location: redactDatabaseUrl(url),
    migrate: async (migrationsFolder = MIGRATIONS_FOLDER) => {
      await repairRewrittenMigrations(db, migrationsFolder);
      await migrateNeon(db, { migrationsFolder });
    },
    close: () => pool.end(),
  };
}

/** The innermost reason along an error's `cause` chain (drizzle wraps driver errors). */
function rootReason(error: unknown): string {
  let current: unknown = error;
  let reason = String(error);
  for (let depth = 0; current && depth < 5; depth++) {
    const message = (current as { message?: unknown }).message;
    if (typeof message === "string" && message) reason = message;
    current = (current as { cause?: unknown }).cause;
  }
  return reason;
}

/** Runs `select 1`, turning connection failures into one clear, password-free error. */
export async function assertReachable(handle: DatabaseHandle): Promise<void> {
  try {
    await handle.db.execute("select 1");
  } catch (error) {
    const reason = rootReason(error).replaceAll(/:\/\/[^@\s]*@/g, "://***@");
    throw new DatabaseUnavailableError(
      `Cannot reach the database at ${handle.location}: ${reason}`,
    );
  }
}
