import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stores } from "@/db/schema";
import { runRecoverySteps } from "@/lib/recovery/run-steps";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  abandonAt,
  at,
  createRecoveryShop,
  HOUR,
  leaveCart,
  MINUTE,
  ORIGIN,
  recoveryOfCart,
  stepsOf,
} from "./helpers";

const getDb = setupTestDatabase();

/** This store's steps only: the other test's later steps fall due on these dates too. */
const stepsAt = (storeId: string, now: Date) =>
  runRecoverySteps(getDb(), { now: () => now, origin: ORIGIN, storeId });

/**
 * A New York store's shopper leaves a cart at 20:30 local the evening before a clock change:
 * abandoned 21:30, step 1 due 22:30 — in quiet hours (21:00–09:00), so it waits for 09:00
 * local the next morning, whose UTC instant the change has moved by an hour.
 */
async function nightStepInNewYork(left: Date) {
  const shop = await createRecoveryShop(getDb(), { lastInboundAt: at(left, -5 * MINUTE) });
  await getDb()
    .update(stores)
    .set({ timezone: "America/New_York" })
    .where(eq(stores.id, shop.store.id));
  const cart = await leaveCart(getDb(), shop, left);
  await abandonAt(getDb(), at(left, HOUR));
  const recovery = (await recoveryOfCart(getDb(), cart.id))!;
  expect(await stepsAt(shop.store.id, at(left, 2 * HOUR))).toMatchObject({
    waiting: 1,
    sent: 0,
  });
  return { storeId: shop.store.id, recoveryId: recovery.id };
}

async function expectSentAt(storeId: string, recoveryId: string, nineAm: Date) {
  expect((await stepsOf(getDb(), recoveryId))[0]).toMatchObject({
    status: "waiting",
    reason: "quiet_hours",
    dueAt: nineAm,
  });
  expect(await stepsAt(storeId, at(nineAm, -MINUTE))).toMatchObject({ sent: 0, waiting: 0 });
  expect(await stepsAt(storeId, nineAm)).toMatchObject({ sent: 1 });
  expect((await stepsOf(getDb(), recoveryId))[0]).toMatchObject({
    status: "sent",
    decidedAt: nineAm,
  });
}

describe(`Recovery quiet hours in America/New_York across a DST change [${testDbBackend}]`, () => {
  it("spring forward: a step due at night goes at 09:00 EDT (13:00Z), not 09:00 EST", async () => {
    // 2026-03-07 20:30 EST = 01:30Z on the 8th; clocks go 02:00 EST → 03:00 EDT that night.
    const { storeId, recoveryId } = await nightStepInNewYork(new Date("2026-03-08T01:30:00Z"));
    await expectSentAt(storeId, recoveryId, new Date("2026-03-08T13:00:00Z"));
  });

  it("fall back: a step due at night goes at 09:00 EST (14:00Z), not 09:00 EDT", async () => {
    // 2026-10-31 20:30 EDT = 00:30Z on 1 November; clocks go 02:00 EDT → 01:00 EST that night.
    const { storeId, recoveryId } = await nightStepInNewYork(new Date("2026-11-01T00:30:00Z"));
    await expectSentAt(storeId, recoveryId, new Date("2026-11-01T14:00:00Z"));
  });
});
