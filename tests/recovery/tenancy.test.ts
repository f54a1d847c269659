import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { markAbandoned } from "@/lib/recovery/abandon";
import { loadRecoveryProgram } from "@/lib/recovery/program";
import { recoveredRevenue } from "@/lib/recovery/revenue";
import { runRecoverySteps } from "@/lib/recovery/run-steps";
import { drainOutbox } from "@/lib/whatsapp/send-outbox";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { testPlatformConfig } from "../whatsapp/fixtures";
import {
  at,
  cartById,
  createRecoveryShop,
  DAY,
  HOUR,
  leaveCart,
  markMessage,
  ORIGIN,
  orderById,
  payOrder,
  recoveryOfCart,
  type RecoveryShop,
  steps,
  stepsOf,
  T0,
} from "./helpers";

const getDb = setupTestDatabase();
const config = testPlatformConfig();

const abandon = (storeId: string, now: Date) => markAbandoned(getDb(), { now: () => now, storeId });
const runSteps = (storeId: string, now: Date) =>
  runRecoverySteps(getDb(), { now: () => now, origin: ORIGIN, storeId });

/** (stopRecovery across stores: stops.test.ts.) A shop whose customer's cart was left at T0, abandoned at +1 h and reminded at +2 h. */
async function remindedShop(settings: Parameters<typeof createRecoveryShop>[1] = {}) {
  const shop = await createRecoveryShop(getDb(), settings);
  const cart = await leaveCart(getDb(), shop, T0);
  await abandon(shop.store.id, at(T0, HOUR));
  expect(await runSteps(shop.store.id, at(T0, 2 * HOUR))).toMatchObject({ sent: 1 });
  const recovery = (await recoveryOfCart(getDb(), cart.id))!;
  return { shop, cart, recovery };
}

async function outboxOf(shop: RecoveryShop) {
  return getDb().select().from(outbox).where(eq(outbox.storeId, shop.store.id));
}

describe(`Recovery tenancy [${testDbBackend}]`, () => {
  it("the jobs run for one store touch none of another's carts, steps or outbox", async () => {
    const a = await createRecoveryShop(getDb());
    const b = await createRecoveryShop(getDb());
    const cartA = await leaveCart(getDb(), a, T0);
    const cartB = await leaveCart(getDb(), b, T0);

    expect(await abandon(a.store.id, at(T0, HOUR))).toMatchObject({ carts: 1, recoveries: 1 });
    expect((await cartById(getDb(), cartA.id)).status).toBe("abandoned");
    expect((await cartById(getDb(), cartB.id)).status).toBe("active");

    expect(await abandon(b.store.id, at(T0, HOUR))).toMatchObject({ carts: 1 });
    const recoveryA = (await recoveryOfCart(getDb(), cartA.id))!;
    const recoveryB = (await recoveryOfCart(getDb(), cartB.id))!;
    expect(await runSteps(b.store.id, at(T0, 2 * HOUR))).toMatchObject({ sent: 1 });
    expect((await stepsOf(getDb(), recoveryA.id))[0]!.status).toBe("scheduled");
    expect((await stepsOf(getDb(), recoveryB.id))[0]!.status).toBe("sent");

    // B's reminder is in the outbox; draining A's delivers nothing of B's.
    expect(await outboxOf(b)).toHaveLength(1);
    expect(
      await drainOutbox(getDb(), { config, now: () => at(T0, 2 * HOUR), storeId: a.store.id }),
    ).toMatchObject({ sent: 0 });
    expect((await outboxOf(b))[0]!.sentAt).toBeNull();
    expect(
      await drainOutbox(getDb(), { config, now: () => at(T0, 2 * HOUR), storeId: b.store.id }),
    ).toMatchObject({ sent: 1 });
  });

  it("recovered revenue counts only the store's own recovered orders", async () => {
    const a = await remindedShop();
    const b = await remindedShop();
    const [stepA] = await stepsOf(getDb(), a.recovery.id);
    await markMessage(getDb(), stepA!.messageId!, "delivered", at(T0, 2 * HOUR));
    await payOrder(getDb(), (await recoveryOfCart(getDb(), a.cart.id))!.orderId!, at(T0, 3 * HOUR));
    const paidA = await orderById(getDb(), (await recoveryOfCart(getDb(), a.cart.id))!.orderId!);
    expect(paidA).toMatchObject({ recoveryId: a.recovery.id, recoveryStep: 1 });

    const range = { from: T0, to: at(T0, 10 * DAY) };
    expect(await recoveredRevenue(getDb(), a.shop.store.id, range)).toEqual({
      orders: 1,
      revenueMinor: 6400,
      byStep: [{ step: 1, orders: 1, revenueMinor: 6400 }],
    });
    expect(await recoveredRevenue(getDb(), b.shop.store.id, range)).toEqual({
      orders: 0,
      revenueMinor: 0,
      byStep: [],
    });
  });

  it("each store reads its own recovery settings", async () => {
    const a = await createRecoveryShop(getDb(), {
      settings: { abandonAfterMinutes: 30, steps: steps([60]) },
    });
    const b = await createRecoveryShop(getDb(), { enabled: false });
    expect(await loadRecoveryProgram(getDb(), a.store.id)).toMatchObject({
      storeId: a.store.id,
      enabled: true,
      settings: { abandonAfterMinutes: 30, steps: [{ delayMinutes: 60 }] },
    });
    const programB = await loadRecoveryProgram(getDb(), b.store.id);
    expect(programB).toMatchObject({ storeId: b.store.id, enabled: false });
    expect(programB!.settings.abandonAfterMinutes).toBe(60);
    expect(programB!.settings.steps).toHaveLength(3);
  });
});
