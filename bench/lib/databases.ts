/**
 * The databases a benchmark's server runs on: a fresh embedded one (PGlite in a new
 * DATA_DIR, migrated and seeded by the server at start), or a new database on a PostgreSQL
 * server reached through the Neon driver and the local WebSocket proxy (the production code
 * path), migrated and seeded here and dropped afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { type Database, type DatabaseHandle, openPglite, openPostgres } from "@/db/drivers";
import { seedDemo } from "@/lib/demo/seed";
import { freePort, root, spawnHelper } from "./production-server";

export type BenchDatabase = {
  name: string;
  /** What the server needs to use this database. */
  serverEnv: Record<string, string | undefined>;
  /** Runs `read` on the database; PGlite allows one process, so only after the server stopped. */
  inspect: <T>(read: (db: Database) => Promise<T>) => Promise<T>;
  /** Before the server starts: writes on the migrated, seeded database (bench fixtures). */
  prepare: (write: (db: Database) => Promise<void>) => Promise<void>;
  cleanup: () => Promise<void>;
};

export function pgliteDatabase(): BenchDatabase {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chatcart-bench-"));
  const open = async <T>(read: (handle: DatabaseHandle) => Promise<T>): Promise<T> => {
    const handle = await openPglite(dataDir);
    try {
      return await read(handle);
    } finally {
      await handle.close();
    }
  };
  return {
    name: "PGlite (embedded, in the server process)",
    serverEnv: { DATA_DIR: dataDir },
    inspect: (read) => open((handle) => read(handle.db)),
    // As the server would at its first start; it then finds the demo present.
    prepare: (write) =>
      open(async (handle) => {
        await handle.migrate();
        await seedDemo(handle.db);
        await write(handle.db);
      }),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing listens on port ${port}`);
}

/** A new database `chatcart_bench_<runId>` on the server of `adminUrl`, with the demo seeded. */
export async function postgresDatabase(adminUrl: string, runId: string): Promise<BenchDatabase> {
  const proxyPort = await freePort();
  const proxyAddress = `127.0.0.1:${proxyPort}`;
  const proxy = spawnHelper(
    [path.join(root, "node_modules", ".bin", "tsx"), "scripts/db-proxy.ts"],
    {
      DB_PROXY_PORT: String(proxyPort),
    },
  );
  await waitForPort(proxyPort);
  const name = `chatcart_bench_${runId}`; // [a-z0-9_] only: safe in DDL
  const admin = openPostgres(adminUrl, proxyAddress);
  await admin.db.execute(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), proxyAddress);
  console.log(`[bench] PostgreSQL database ${name}: migrating and seeding the demo …`);
  await handle.migrate();
  await seedDemo(handle.db);
  return {
    name: "PostgreSQL (Neon driver via the local WebSocket proxy)",
    serverEnv: { DATABASE_URL: url.toString(), DATABASE_WS_PROXY: proxyAddress },
    inspect: (read) => read(handle.db),
    prepare: (write) => write(handle.db),
    cleanup: async () => {
      await handle.close();
      await admin.db.execute(`drop database if exists ${name} with (force)`);
      await admin.close();
      await proxy.stop();
    },
  };
}

/**
 * Runs `measure` on a fresh embedded database, then, with TEST_DATABASE_URL set, on a new
 * PostgreSQL database; each is cleaned up afterwards.
 */
export async function forEachDatabase(
  runId: string,
  measure: (database: BenchDatabase) => Promise<void>,
): Promise<void> {
  const databases: (() => Promise<BenchDatabase>)[] = [async () => pgliteDatabase()];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) databases.push(() => postgresDatabase(adminUrl, runId));
  else console.log("[bench] TEST_DATABASE_URL not set: PostgreSQL run skipped");
  for (const open of databases) {
    const database = await open();
    try {
      await measure(database);
    } finally {
      await database.cleanup();
    }
  }
}

/** The opening line of a benchmark: the machine, and how busy it is. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
  return `[bench] ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load}`;
}
