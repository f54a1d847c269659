import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/drivers";
import { consumeRateLimit } from "@/lib/rate-limit";
import { createTestDatabase, testDbBackend } from "../support/database";

describe(`consumeRateLimit [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("allows `limit` calls in a window and refuses the rest", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(
        await consumeRateLimit(handle.db, "login:a@example.com", {
          limit: 3,
          windowSeconds: 60,
          now,
        }),
      );
    }
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((result) => result.count)).toEqual([1, 2, 3, 4, 5]);
    expect(results[0]?.resetAt.toISOString()).toBe("2030-01-01T00:01:00.000Z");
  });

  it("keeps separate counters per key", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    await consumeRateLimit(handle.db, "ip:1", { limit: 1, windowSeconds: 60, now });
    const other = await consumeRateLimit(handle.db, "ip:2", { limit: 1, windowSeconds: 60, now });
    expect(other).toMatchObject({ allowed: true, count: 1 });
  });

  it("starts a new window once the old one has passed", async () => {
    const start = new Date("2030-02-01T00:00:00Z");
    const options = { limit: 2, windowSeconds: 60 };
    for (let i = 0; i < 3; i++)
      await consumeRateLimit(handle.db, "window", { ...options, now: start });
    const stillBlocked = await consumeRateLimit(handle.db, "window", {
      ...options,
      now: new Date(start.getTime() + 59_000),
    });
    expect(stillBlocked.allowed).toBe(false);

    const later = new Date(start.getTime() + 61_000);
    const fresh = await consumeRateLimit(handle.db, "window", { ...options, now: later });
    expect(fresh).toMatchObject({ allowed: true, count: 1 });
    expect(fresh.resetAt.getTime()).toBe(later.getTime() + 60_000);
  });

  it("allows exactly `limit` of 20 concurrent calls (atomic upsert)", async () => {
    const now = new Date("2030-03-01T00:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        consumeRateLimit(handle.db, "burst", { limit: 10, windowSeconds: 60, now }),
      ),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    expect(results.map((result) => result.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });
});
