import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { recoveredRevenue } from "@/lib/recovery/revenue";
import { endLostRecoveries } from "@/lib/recovery/stop";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { setRefunded } from "../loyalty/helpers";
import {
  abandonAt,
  at,
  cartById,
  createRecoveryShop,
  DAY,
  eventsOf,
  HOUR,
  leaveCart,
  markMessage,
  orderById,
  payOrder,
  recoveryById,
  recoveryOfCart,
  steps,
  stepsAt,
  stepsOf,
  T0,
} from "./helpers";

const getDb = setupTestDatabase();

/** Abandoned at T0 + 1 h; step 1 sent at T0 + 2 h, step 2 at T0 + 27 h (template). */
async function twoReminders() {
  const shop = await createRecoveryShop(getDb(), {
    settings: { steps: steps([60, 25 * 60]), attributionDays: 5 },
    template: true,
  });
  const cart = await leaveCart(getDb(), shop, T0);
  await abandonAt(getDb(), at(T0, HOUR));
  await stepsAt(getDb(), at(T0, 2 * HOUR));
  await stepsAt(getDb(), at(T0, 27 * HOUR));
  const recovery = (await recoveryOfCart(getDb(), cart.id))!;
  const [first, second] = await stepsOf(getDb(), recovery.id);
  expect([first!.status, second!.status]).toEqual(["sent", "sent"]);
  return { shop, cart, recovery, first: first!, second: second! };
}

describe(`Recovered revenue [${testDbBackend}]`, () => {
  it("a payment after a delivered reminder is attributed to the last delivered step, once, net of refunds", async () => {
    const { shop, cart, recovery, first, second } = await twoReminders();
    await markMessage(getDb(), first.messageId!, "read", at(T0, 2 * HOUR + 5 * 60_000));
    await markMessage(getDb(), second.messageId!, "delivered", at(T0, 27 * HOUR + 60_000));
    const paidAt = at(T0, 30 * HOUR);
    await payOrder(getDb(), recovery.orderId!, paidAt);

    const order = await orderById(getDb(), recovery.orderId!);
    expect(order).toMatchObject({ status: "paid", recoveryId: recovery.id, recoveryStep: 2 });
    expect(await recoveryById(getDb(), recovery.id)).toMatchObject({
      status: "recovered",
      recoveredOrderId: order.id,
      recoveredStep: 2,
      recoveredAt: paidAt,
    });
    expect((await cartById(getDb(), cart.id)).status).toBe("recovered");
    const recovered = await eventsOf(getDb(), shop.store.id, EVENT_TYPES.cartRecovered);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]!.properties).toMatchObject({ amountMinor: 6400, step: 2 });

    // The same payment applied again changes nothing.
    await payOrder(getDb(), order.id, at(paidAt, HOUR));
    expect(await eventsOf(getDb(), shop.store.id, EVENT_TYPES.cartRecovered)).toHaveLength(1);

    await setRefunded(getDb(), order.id, 1000);
    const range = { from: T0, to: at(T0, 10 * DAY) };
    expect(await recoveredRevenue(getDb(), shop.store.id, range)).toEqual({
      orders: 1,
      revenueMinor: 5400,
      byStep: [{ step: 2, orders: 1, revenueMinor: 5400 }],
    });
  });

  it("a failed reminder recovers nothing: the last delivered one before it counts", async () => {
    const { recovery, first, second } = await twoReminders();
    await markMessage(getDb(), first.messageId!, "delivered", at(T0, 2 * HOUR));
    await markMessage(getDb(), second.messageId!, "failed", at(T0, 27 * HOUR));
    await payOrder(getDb(), recovery.orderId!, at(T0, 30 * HOUR));
    expect(await orderById(getDb(), recovery.orderId!)).toMatchObject({ recoveryStep: 1 });
  });

  it("only failed reminders: not recovered, and the recovery stops as paid", async () => {
    const { shop, cart, recovery, first, second } = await twoReminders();
    await markMessage(getDb(), first.messageId!, "failed", at(T0, 2 * HOUR));
    await markMessage(getDb(), second.messageId!, "failed", at(T0, 27 * HOUR));
    await payOrder(getDb(), recovery.orderId!, at(T0, 30 * HOUR));
    expect(await orderById(getDb(), recovery.orderId!)).toMatchObject({
      status: "paid",
      recoveryId: null,
      recoveryStep: null,
    });
    expect(await recoveryById(getDb(), recovery.id)).toMatchObject({
      status: "stopped",
      stopReason: "paid",
    });
    expect((await cartById(getDb(), cart.id)).status).toBe("converted");
    expect(
      (await recoveredRevenue(getDb(), shop.store.id, { from: T0, to: at(T0, 10 * DAY) })).orders,
    ).toBe(0);
  });

  it("inside the attribution window and just outside it", async () => {
    const inside = await twoReminders();
    await markMessage(getDb(), inside.second.messageId!, "delivered", at(T0, 27 * HOUR));
    await payOrder(getDb(), inside.recovery.orderId!, at(T0, 27 * HOUR + 5 * DAY));
    expect(await orderById(getDb(), inside.recovery.orderId!)).toMatchObject({ recoveryStep: 2 });

    const outside = await twoReminders();
    await markMessage(getDb(), outside.second.messageId!, "delivered", at(T0, 27 * HOUR));
    // The sequence ran out: lost once the window after its last step has passed.
    expect(
      (await endLostRecoveries(getDb(), { now: () => at(T0, 27 * HOUR + 4 * DAY) })).lost,
    ).toBe(0);
    await endLostRecoveries(getDb(), { now: () => at(T0, 27 * HOUR + 5 * DAY + 60_000) });
    expect((await recoveryById(getDb(), outside.recovery.id)).status).toBe("lost");
    await payOrder(getDb(), outside.recovery.orderId!, at(T0, 27 * HOUR + 5 * DAY + 60_000));
    expect(await orderById(getDb(), outside.recovery.orderId!)).toMatchObject({
      status: "paid",
      recoveryId: null,
    });
    expect((await recoveryById(getDb(), outside.recovery.id)).status).toBe("lost");
  });
});
