import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cartItems, customers, recoveryPrograms } from "@/db/schema";
import { stopRecovery } from "@/lib/recovery/stop";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createPaymentShop, newOrder } from "../payments/stripe-helpers";
import {
  abandonAt,
  at,
  createRecoveryShop,
  HOUR,
  leaveCart,
  payOrder,
  type RecoveryShop,
  recoveryById,
  recoveryOfCart,
  steps,
  stepsAt,
  stepsOf,
  T0,
} from "./helpers";

const getDb = setupTestDatabase();

/** A shop whose cart was abandoned at T0 + 1 h and whose step 1 went at T0 + 2 h. */
async function afterFirstStep() {
  const shop = await createRecoveryShop(getDb(), {
    settings: { steps: steps([60, 26 * 60, 72 * 60]) },
    template: true,
  });
  const cart = await leaveCart(getDb(), shop, T0);
  await abandonAt(getDb(), at(T0, HOUR));
  expect(await stepsAt(getDb(), at(T0, 2 * HOUR))).toMatchObject({ sent: 1 });
  const recovery = (await recoveryOfCart(getDb(), cart.id))!;
  return { shop, cart, recovery };
}

async function expectStopped(recoveryId: string, reason: string) {
  expect(await recoveryById(getDb(), recoveryId)).toMatchObject({
    status: "stopped",
    stopReason: reason,
  });
  expect((await stepsOf(getDb(), recoveryId)).map((row) => [row.status, row.reason])).toEqual([
    ["sent", null],
    ["cancelled", reason],
    ["cancelled", reason],
  ]);
}

async function setCustomer(shop: RecoveryShop, values: Partial<typeof customers.$inferInsert>) {
  await getDb().update(customers).set(values).where(eq(customers.id, shop.customer.id));
}

describe(`Recovery stops [${testDbBackend}]`, () => {
  it("stops when the customer paid another order after the cart was abandoned", async () => {
    const { shop, recovery } = await afterFirstStep();
    const other = await newOrder(getDb(), shop, { quantity: 1 });
    await payOrder(getDb(), other.order.id, at(T0, 3 * HOUR));
    expect(await stepsAt(getDb(), at(T0, 27 * HOUR))).toMatchObject({ stopped: 1, sent: 0 });
    await expectStopped(recovery.id, "paid");
  });

  it("stops when the customer writes between steps", async () => {
    const { shop, recovery } = await afterFirstStep();
    await setCustomer(shop, { lastInboundAt: at(T0, 5 * HOUR) });
    expect(await stepsAt(getDb(), at(T0, 27 * HOUR))).toMatchObject({ stopped: 1 });
    await expectStopped(recovery.id, "replied");
  });

  it("stops when the customer opts out between steps", async () => {
    const { shop, recovery } = await afterFirstStep();
    await setCustomer(shop, { optedOutAt: at(T0, 5 * HOUR) });
    expect(await stepsAt(getDb(), at(T0, 27 * HOUR))).toMatchObject({ stopped: 1 });
    await expectStopped(recovery.id, "opted_out");
  });

  it("stops when the cart was emptied", async () => {
    const { cart, recovery } = await afterFirstStep();
    await getDb().delete(cartItems).where(eq(cartItems.cartId, cart.id));
    expect(await stepsAt(getDb(), at(T0, 27 * HOUR))).toMatchObject({ stopped: 1 });
    await expectStopped(recovery.id, "cart_empty");
  });

  it("stops when the owner switches recovery off", async () => {
    const { shop, recovery } = await afterFirstStep();
    await getDb()
      .update(recoveryPrograms)
      .set({ enabled: false })
      .where(eq(recoveryPrograms.storeId, shop.store.id));
    await stepsAt(getDb(), at(T0, 27 * HOUR));
    await expectStopped(recovery.id, "recovery_off");
  });

  it("the owner stops one from the dashboard, only in their own store", async () => {
    const { shop, recovery } = await afterFirstStep();
    const other = await createPaymentShop(getDb());
    expect(await stopRecovery(getDb(), other.store.id, recovery.id, at(T0, 3 * HOUR))).toBe(false);
    expect((await recoveryById(getDb(), recovery.id)).status).toBe("active");
    expect(await stopRecovery(getDb(), shop.store.id, recovery.id, at(T0, 3 * HOUR))).toBe(true);
    await expectStopped(recovery.id, "stopped_by_owner");
    expect(await stopRecovery(getDb(), shop.store.id, recovery.id)).toBe(false);
    await stepsAt(getDb(), at(T0, 80 * HOUR));
    await expectStopped(recovery.id, "stopped_by_owner");
  });
});
