import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertReachable,
  DatabaseLockedError,
  DatabaseUnavailableError,
  openPglite,
  openPostgres,
  redactDatabaseUrl,
} from "@/db/drivers";
import * as schema from "@/db/schema";
import { rateLimitBuckets } from "@/db/schema";
import { startWsTcpProxy, type WsTcpProxy } from "@/lib/db-proxy/ws-tcp-proxy";
import { createTestDatabase, queryRows, testDbBackend } from "../support/database";
import type { DatabaseHandle } from "@/db/drivers";

describe(`database drivers [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("applies the migrations: every schema table exists", async () => {
    const expected = (Object.values(schema) as unknown[])
      .filter((value): value is PgTable => is(value, PgTable))
      .map((table) => getTableName(table))
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    const rows = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const actual = rows.map((row) => row.table_name);
    expect(actual).toEqual(expect.arrayContaining(expected));
  });

  it("rolls back a transaction that throws", async () => {
    const key = `rollback-${Date.now()}`;
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(rateLimitBuckets).values({ key, windowStartedAt: new Date(), count: 1 });
        const inside = await tx
          .select()
          .from(rateLimitBuckets)
          .where(sql`${rateLimitBuckets.key} = ${key}`);
        expect(inside).toHaveLength(1);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const after = await handle.db
      .select()
      .from(rateLimitBuckets)
      .where(sql`${rateLimitBuckets.key} = ${key}`);
    expect(after).toHaveLength(0);
  });

  it("commits a transaction that succeeds", async () => {
    const key = `commit-${Date.now()}`;
    await handle.db.transaction(async (tx) => {
      await tx.insert(rateLimitBuckets).values({ key, windowStartedAt: new Date(), count: 1 });
    });
    const after = await handle.db
      .select()
      .from(rateLimitBuckets)
      .where(sql`${rateLimitBuckets.key} = ${key}`);
    expect(after).toHaveLength(1);
  });
});

describe(`database connection errors [${testDbBackend}]`, () => {
  let proxy: WsTcpProxy;
  beforeAll(async () => {
    proxy = await startWsTcpProxy({ port: 0 });
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it("redactDatabaseUrl never contains the password", () => {
    const redacted = redactDatabaseUrl(
      "postgres://owner:secretpw@db.example.com:5432/app?sslmode=require",
    );
    expect(redacted).not.toContain("secretpw");
    expect(redacted).toContain("db.example.com");
    expect(redactDatabaseUrl("not a url secretpw")).not.toContain("secretpw");
  });

  it("assertReachable on an unreachable server throws DatabaseUnavailableError without the password", async () => {
    const unreachable = openPostgres("postgres://u:secretpw@127.0.0.1:1/x", proxy.address);
    try {
      const error = await assertReachable(unreachable).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toContain("127.0.0.1:1");
      expect((error as Error).message).not.toContain("secretpw");
    } finally {
      await unreachable.close();
    }
  });
});

/** Starts a child process that opens `dataDir` and resolves with its pid once it holds the lock. */
function holdPgliteInChild(dataDir: string): Promise<{ child: ChildProcess; pid: number }> {
  const script = path.join(import.meta.dirname, "../support/hold-pglite-lock.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir], {
    cwd: path.join(import.meta.dirname, "../.."),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\d+)/.exec(output);
      if (ready) resolve({ child, pid: Number(ready[1]) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) =>
      reject(new Error(`lock holder exited early (${code}):\n${output}`)),
    );
    child.once("error", reject);
  });
}

describe(`PGlite directory lock [${testDbBackend}]`, () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "chatcart-lock-"));
  });
  afterAll(() => {
    child?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a second process, naming the holder, and takes over a stale lock", async () => {
    const holder = await holdPgliteInChild(dataDir);
    child = holder.child;
    expect(holder.pid).toBe(holder.child.pid);

    const second = openPglite(dataDir);
    await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(second).rejects.toThrow(String(holder.pid));

    // SIGKILL leaves the pid file behind: the lock is stale once the process is gone.
    const exited = new Promise((resolve) => holder.child.once("exit", resolve));
    holder.child.kill("SIGKILL");
    await exited;
    const reopened = await openPglite(dataDir);
    try {
      await reopened.migrate();
      const [row] = await queryRows<{ one: number }>(reopened.db, sql`select 1 as one`);
      expect(row?.one).toBe(1);
    } finally {
      await reopened.close();
    }
  });
});
