import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { getDb, openAppDatabase } from "@/db";
import { orders, stores, users } from "@/db/schema";
import { DEMO_OWNER } from "@/db/seed";
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

    const first = await openAppDatabase({ DATA_DIR: dataDir });
    const [owner] = await first.db.select().from(users).where(eq(users.email, DEMO_OWNER.email));
    expect(owner).toBeDefined();
    const ordersAfterFirstStart = await countOf(first, orders);
    expect(ordersAfterFirstStart).toBeGreaterThan(300);
    await first.db
      .update(stores)
      .set({ name: "Renamed between starts" })
      .where(eq(stores.slug, "demo"));
    await first.close();

    const second = await openAppDatabase({ DATA_DIR: dataDir });
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
        const app = await openAppDatabase({
          DATA_DIR: ".data",
          DATABASE_URL: target.location,
          DATABASE_WS_PROXY: inject("dbProxyAddress"),
        });
        expect(app.kind).toBe("postgres");
        expect(await countOf(app, stores)).toBe(0);
        await app.close();
      } finally {
        await target.close();
      }
    });
  }

  it("refuses to open the database during `next build`", async () => {
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    await expect(getDb()).rejects.toThrow("opened during `next build`");
  });
});
