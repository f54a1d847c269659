import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { databaseEnv } from "@/lib/env";
import { getDb, openAppDatabase } from "@/lib/server/database";
import { orders, stores, users } from "@/db/schema";
import { DEMO_OWNER } from "@/lib/demo/policy";
import { seedDemoOnStart } from "@/lib/demo/seed-on-start";
import { createTestDatabase, testDbBackend } from "../support/database";

const folders: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function countOf(
  handle: Awaited<ReturnType<typeof openAppDatabase>>,
  table: typeof orders | typeof stores,
) {
  const [row] = await handle.db.select({ value: count() }).from(table);
  return row?.value ?? 0;
}

describe(`how the app opens its database [${testDbBackend}]`, () => {
  it("migrates and seeds the embedded database on first start, and keeps the data on the next", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "chatcart-appdb-"));
    folders.push(dataDir);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});

    const config = databaseEnv({ NODE_ENV: "test", DATA_DIR: dataDir });
    const first = await openAppDatabase(config);
    expect(await seedDemoOnStart(first, config)).toEqual({ seeded: true });
    const [owner] = await first.db.select().from(users).where(eq(users.email, DEMO_OWNER.email));
    expect(owner).toBeDefined();
    const ordersAfterFirstStart = await countOf(first, orders);
    expect(ordersAfterFirstStart).toBeGreaterThan(300);
    await first.db
      .update(stores)
      .set({ name: "Renamed between starts" })
      .where(eq(stores.slug, "demo"));
    await first.close();

    const second = await openAppDatabase(config);
    await seedDemoOnStart(second, config);
    expect(await countOf(second, orders)).toBe(ordersAfterFirstStart);
    const [demo] = await second.db
      .select({ name: stores.name })
      .from(stores)
      .where(eq(stores.slug, "demo"));
    expect(demo?.name).toBe("Renamed between starts");
    await second.close();

    expect(log.mock.calls.flat().join("\n")).toContain(
      `${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
    );
    log.mockRestore();
  });

  if (testDbBackend === "postgres") {
    it("never seeds the demo into a DATABASE_URL database", async () => {
      const target = await createTestDatabase();
      try {
        const config = databaseEnv({
          NODE_ENV: "development",
          DATABASE_URL: target.location,
          DATABASE_WS_PROXY: inject("dbProxyAddress"),
        });
        const app = await openAppDatabase(config);
        expect(app.kind).toBe("postgres");
        expect(await seedDemoOnStart(app, config)).toEqual({ seeded: false });
        expect(await countOf(app, stores)).toBe(0);
        // Its connections never JIT-compile nor start parallel workers (db/drivers.ts).
        const settings = (await app.db.execute(
          sql`select current_setting('jit') as jit,
            current_setting('max_parallel_workers_per_gather') as workers`,
        )) as unknown as { rows: { jit: string; workers: string }[] };
        expect(settings.rows[0]).toEqual({ jit: "off", workers: "0" });
        await app.close();
      } finally {
        await target.close();
      }
    });
  }

  it("in production seeds the demo owner only when SEED_DEMO=1 asks for it", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const plain = mkdtempSync(path.join(tmpdir(), "chatcart-appdb-"));
    const demo = mkdtempSync(path.join(tmpdir(), "chatcart-appdb-"));
    folders.push(plain, demo);

    const productionConfig = databaseEnv({ NODE_ENV: "production", DATA_DIR: plain });
    const production = await openAppDatabase(productionConfig);
    expect(await seedDemoOnStart(production, productionConfig)).toEqual({ seeded: false });
    expect(await countOf(production, stores)).toBe(0);
    await production.close();
    expect(log.mock.calls.flat().join("\n")).not.toContain(DEMO_OWNER.password);

    const demoConfig = databaseEnv({ NODE_ENV: "production", SEED_DEMO: "1", DATA_DIR: demo });
    const explicitDemo = await openAppDatabase(demoConfig);
    await seedDemoOnStart(explicitDemo, demoConfig);
    const [owner] = await explicitDemo.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, DEMO_OWNER.email));
    expect(owner).toBeDefined();
    await explicitDemo.close();
    log.mockRestore();
    // Two on-disk databases, each migrated, and the demo seeded: slow on a busy machine.
  }, 120_000);

  it("refuses to open the database during `next build`", async () => {
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    await expect(getDb()).rejects.toThrow("opened during `next build`");
  });
});
