import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { recoveredRevenue } from "@/lib/recovery/revenue";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";

const getDb = setupTestDatabase();

describe(`recovered revenue sums past 32 bits [${testDbBackend}]`, () => {
  it("adds two large recovered orders exactly instead of failing with 'integer out of range'", async () => {
    const { store } = await createOwnerWithStore(getDb());
    const paidAt = new Date("2026-03-10T12:00:00Z");
    // Each fits an integer column (≤ 2,147,483,647); their sum does not.
    const big = 2_000_000_000;
    await getDb()
      .insert(orders)
      .values(
        [1, 2].map((n) => ({
          storeId: store.id,
          number: `BIG-${n}`,
          status: "paid" as const,
          currency: store.currency,
          subtotalMinor: big,
          totalMinor: big,
          refundedMinor: n === 2 ? 1 : 0,
          recoveryId: randomUUID(),
          recoveryStep: 1,
          paidAt,
        })),
      );
    const range = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") };
    expect(await recoveredRevenue(getDb(), store.id, range)).toEqual({
      orders: 2,
      revenueMinor: 3_999_999_999,
      byStep: [{ step: 1, orders: 2, revenueMinor: 3_999_999_999 }],
    });
  });
});
