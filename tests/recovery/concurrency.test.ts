import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages, orders, outbox, recoveries } from "@/db/schema";
import { runRecoverySteps } from "@/lib/recovery/run-steps";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  abandonAt,
  addCustomer,
  at,
  createRecoveryShop,
  DAY,
  HOUR,
  leaveCart,
  MINUTE,
  ORIGIN,
  recoveryOfCart,
  steps,
  stepsAt,
  stepsOf,
  T0,
} from "./helpers";

const getDb = setupTestDatabase();

describe(`Recovery under concurrent ticks [${testDbBackend}]`, () => {
  it("two ticks at once: one recovery per cart and one reminder per step", async () => {
    const shop = await createRecoveryShop(getDb());
    const carts = [await leaveCart(getDb(), shop, T0)];
    for (let index = 0; index < 5; index++) {
      const customer = await addCustomer(getDb(), shop);
      carts.push(await leaveCart(getDb(), shop, T0, { customerId: customer.id }));
    }
    await Promise.all([abandonAt(getDb(), at(T0, HOUR)), abandonAt(getDb(), at(T0, HOUR))]);
    const started = await getDb()
      .select()
      .from(recoveries)
      .where(eq(recoveries.storeId, shop.store.id));
    expect(started).toHaveLength(carts.length);

    const run = () =>
      runRecoverySteps(getDb(), { now: () => at(T0, 2 * HOUR), origin: ORIGIN, batchSize: 2 });
    const reports = await Promise.all([run(), run(), run()]);
    const sent = reports.reduce((sum, report) => sum + ("sent" in report ? report.sent : 0), 0);
    expect(sent).toBe(carts.length);

    for (const recovery of started) {
      const [first] = await stepsOf(getDb(), recovery.id);
      expect(first!.status).toBe("sent");
      const queued = await getDb()
        .select()
        .from(messages)
        .where(like(messages.dedupeKey, `recovery:${recovery.id}:%`));
      expect(queued).toHaveLength(1);
      expect(
        await getDb().select().from(outbox).where(eq(outbox.messageId, queued[0]!.id)),
      ).toHaveLength(1);
      const made = await getDb().select().from(orders).where(eq(orders.cartId, recovery.cartId!));
      expect(made).toHaveLength(1);
    }
  });

  it("two ticks at once keep the 24-hour cap across one customer's two carts", async () => {
    const shop = await createRecoveryShop(getDb(), {
      settings: { steps: steps([60, 25 * 60 + 30]), sequenceGapDays: 1 },
      lastInboundAt: at(T0, -3 * DAY),
      template: true,
    });
    // Cart A: abandoned at +1 h, step 1 at +2 h, step 2 due at +26 h 30.
    const cartA = await leaveCart(getDb(), shop, T0);
    await abandonAt(getDb(), at(T0, HOUR));
    await stepsAt(getDb(), at(T0, 2 * HOUR));
    // Cart B: abandoned at +25 h 30, its step 1 due at +26 h 30 too.
    const cartB = await leaveCart(getDb(), shop, at(T0, 24 * HOUR + 30 * MINUTE));
    await abandonAt(getDb(), at(T0, 25 * HOUR + 30 * MINUTE));
    const a = (await recoveryOfCart(getDb(), cartA.id))!;
    const b = (await recoveryOfCart(getDb(), cartB.id))!;

    // One step per claim, so each tick may hold one of the customer's two due steps.
    const due = at(T0, 26 * HOUR + 30 * MINUTE);
    const tick = () => runRecoverySteps(getDb(), { now: () => due, origin: ORIGIN, batchSize: 1 });
    await Promise.all([tick(), tick()]);
    // A tick that found the customer locked left the step for the next one.
    await stepsAt(getDb(), due);
    const contested = [(await stepsOf(getDb(), a.id))[1]!, (await stepsOf(getDb(), b.id))[0]!];
    expect(contested.map((step) => step.status).sort()).toEqual(["sent", "waiting"]);
    const waiting = contested.find((step) => step.status === "waiting")!;
    expect(waiting).toMatchObject({ reason: "daily_cap", dueAt: at(due, DAY) });
  });
});
