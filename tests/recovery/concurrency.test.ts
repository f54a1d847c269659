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
  HOUR,
  leaveCart,
  ORIGIN,
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
});
