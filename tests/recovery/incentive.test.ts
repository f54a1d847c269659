import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { paymentLinks } from "@/db/schema";
import { openPaymentLink } from "@/lib/payments/open-link";
import { applyIncentive, withdrawExpiredIncentive } from "@/lib/recovery/incentive";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { BROWSER_UA, freshIp, stripeConfig } from "../payments/helpers";
import {
  abandonAt,
  at,
  createRecoveryShop,
  HOUR,
  leaveCart,
  messageById,
  ORIGIN,
  orderById,
  recoveryOfCart,
  steps,
  stepsAt,
  stepsOf,
  T0,
} from "./helpers";

const getDb = setupTestDatabase();

async function withOffer() {
  const [first, second] = steps([60, 26 * 60]);
  const shop = await createRecoveryShop(getDb(), {
    settings: {
      steps: [{ ...first!, incentive: { kind: "percent", percent: 10, validHours: 24 } }, second!],
    },
    template: true,
  });
  const cart = await leaveCart(getDb(), shop, T0);
  await abandonAt(getDb(), at(T0, HOUR));
  await stepsAt(getDb(), at(T0, 2 * HOUR));
  const recovery = (await recoveryOfCart(getDb(), cart.id))!;
  return { shop, cart, recovery };
}

describe(`Recovery incentive [${testDbBackend}]`, () => {
  it("is applied once to the order and shown in the reminder", async () => {
    const { recovery } = await withOffer();
    const [step] = await stepsOf(getDb(), recovery.id);
    const order = await orderById(getDb(), recovery.orderId!);
    expect(order).toMatchObject({ subtotalMinor: 6400, discountMinor: 640, totalMinor: 5760 });
    expect(order.discountLines).toEqual([
      expect.objectContaining({
        kind: "recovery",
        amountMinor: 640,
        reference: `recovery:${recovery.id}:1`,
      }),
    ]);
    expect(step!.incentive).toMatchObject({
      status: "applied",
      amountMinor: 640,
      expiresAt: at(T0, 26 * HOUR).toISOString(),
    });
    const message = await messageById(getDb(), step!.messageId!);
    expect(message.body).toContain("Includes ¥640 off, valid until");

    // A second offer on the same order is refused: single-use, bound to the order.
    const again = await getDb().transaction((tx) =>
      applyIncentive(tx, {
        order,
        recoveryId: recovery.id,
        step: 2,
        incentive: { kind: "amount", amountMinor: 500, validHours: 24 },
        now: at(T0, 3 * HOUR),
      }),
    );
    expect(again.record).toMatchObject({ status: "refused", reason: "already_discounted" });
    expect((await orderById(getDb(), order.id)).totalMinor).toBe(5760);
  });

  it("is refused after it expires: taken back off before the next reminder or payment", async () => {
    const { recovery } = await withOffer();
    const order = await orderById(getDb(), recovery.orderId!);
    const still = await getDb().transaction((tx) =>
      withdrawExpiredIncentive(tx, order, at(T0, 26 * HOUR - 60_000)),
    );
    expect(still.totalMinor).toBe(5760);

    // The shopper opens the link after the offer ended: full price (sandbox checkout).
    const [link] = await getDb()
      .select()
      .from(paymentLinks)
      .where(eq(paymentLinks.orderId, order.id));
    const opened = await openPaymentLink(
      getDb(),
      {
        token: link!.token,
        method: "GET",
        headers: new Headers({ "user-agent": BROWSER_UA }),
        ip: freshIp(),
        origin: ORIGIN,
        now: at(T0, 26 * HOUR),
      },
      stripeConfig("http://127.0.0.1:9", { secretKey: undefined }),
    );
    expect(opened).toMatchObject({ kind: "redirect" });
    expect(await orderById(getDb(), order.id)).toMatchObject({
      discountMinor: 0,
      totalMinor: 6400,
      discountLines: [],
    });
    const [step] = await stepsOf(getDb(), recovery.id);
    expect(step!.incentive).toMatchObject({ status: "withdrawn" });

    // Step 2 reuses the order at full price.
    await stepsAt(getDb(), at(T0, 27 * HOUR));
    const [, second] = await stepsOf(getDb(), recovery.id);
    expect(second).toMatchObject({ status: "sent", incentive: null });
    expect((await recoveryOfCart(getDb(), recovery.cartId!))!.orderId).toBe(order.id);
    expect((await orderById(getDb(), order.id)).totalMinor).toBe(6400);
  });
});
