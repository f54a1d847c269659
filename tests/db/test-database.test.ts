import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/database";
import { rateLimitBuckets } from "@/db/schema";
import { queryRows, testDbBackend, setupTestDatabase } from "../support/database";

// Proves the harness itself: each file gets its own empty, migrated database, and the
// app's getDb() returns it.
describe(`setupTestDatabase [${testDbBackend}]`, () => {
  const db = setupTestDatabase();

  it("installs the test database as the app's database", async () => {
    expect(await getDb()).toBe(db());
  });

  it("starts from an empty, migrated database of its own", async () => {
    const rows = await db().select().from(rateLimitBuckets);
    expect(rows).toEqual([]);
    const [row] = await queryRows<{ name: string }>(db(), sql`select current_database() as name`);
    const name = row?.name;
    if (testDbBackend === "postgres") expect(name).toMatch(/^chatcart_test_[0-9a-f]{12}$/);
    await db()
      .insert(rateLimitBuckets)
      .values({ key: "isolation", windowStartedAt: new Date(), count: 1 });
  });
});
