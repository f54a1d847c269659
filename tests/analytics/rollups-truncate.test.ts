import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DayRange } from "@/lib/analytics/range";
import { refreshAnalyticsRollups } from "@/lib/analytics/rollup/refresh";
import { queryRows, setupTestDatabase, testDbBackend } from "../support/database";
import { buildAnalyticsStore, dstScenario } from "./fixtures";
import { figuresOf, rawFiguresOf } from "./rollup-figures";

/** Its own database: TRUNCATE empties a table for every store. */
const db = setupTestDatabase();

describe(`analytics rollups after a TRUNCATE [${testDbBackend}]`, () => {
  it("are forgotten, so the figures stay those of the raw rows until rebuilt", async () => {
    const { current, previous, span, edges } = dstScenario(8);
    const shop = await buildAnalyticsStore(db(), { seed: 81, span, edges });
    const days: DayRange[] = [current, previous].map(({ from, to }) => ({ from, to }));
    await refreshAnalyticsRollups(db());
    const before = await figuresOf(db(), shop.store, days);

    // No row trigger fires: only the statement trigger can tell.
    await db().execute(sql`truncate order_items`);
    const states = await queryRows(db(), sql`select store_id from analytics_rollup_state`);
    expect(states).toEqual([]);
    const after = await figuresOf(db(), shop.store, days);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await rawFiguresOf(db(), shop.store, days));

    expect(await refreshAnalyticsRollups(db())).toMatchObject({ built: 1, failed: 0, left: 0 });
    expect(await figuresOf(db(), shop.store, days)).toEqual(after);
  });
});
