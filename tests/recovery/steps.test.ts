import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderItems, outbox } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/analytics/event-types";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  abandonAt,
  addCustomer,
  at,
  createRecoveryShop,
  DAY,
  eventsOf,
  HOUR,
  leaveCart,
  MINUTE,
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

describe(`Recovery steps [${testDbBackend}]`, () => {
  it("each step goes at its time: free-form in the window, then the template", async () => {
    const shop = await createRecoveryShop(getDb(), {
      settings: { steps: steps([60, 26 * 60, 72 * 60]) },
      template: true,
    });
    const cart = await leaveCart(getDb(), shop, T0);
    const abandonedAt = at(T0, HOUR);
    await abandonAt(getDb(), abandonedAt);
    const recovery = (await recoveryOfCart(getDb(), cart.id))!;

    expect(await stepsAt(getDb(), at(abandonedAt, 59 * MINUTE))).toMatchObject({ sent: 0 });
    expect(await stepsAt(getDb(), at(abandonedAt, HOUR))).toMatchObject({ sent: 1 });
    let rows = await stepsOf(getDb(), recovery.id);
    expect(rows.map((row) => row.status)).toEqual(["sent", "scheduled", "scheduled"]);
    expect(rows[0]).toMatchObject({ channel: "free_form", decidedAt: at(abandonedAt, HOUR) });
    const first = await messageById(getDb(), rows[0]!.messageId!);
    expect(first).toMatchObject({
      status: "queued",
      dedupeKey: `recovery:${recovery.id}:1`,
      author: "system",
      type: "text",
    });
    expect(first.body).toContain("Hi Aiko, you left 2 × Uji Matcha in your cart.");
    expect(first.body).toMatch(new RegExp(`${ORIGIN}/pay/[A-Za-z0-9_-]{43}`));
    expect(await getDb().select().from(outbox).where(eq(outbox.messageId, first.id))).toHaveLength(
      1,
    );
    // The pending order for the cart's contents at today's prices, now part of the recovery.
    const withOrder = (await recoveryOfCart(getDb(), cart.id))!;
    const order = await orderById(getDb(), withOrder.orderId!);
    expect(order).toMatchObject({ status: "pending", cartId: cart.id, totalMinor: 6400 });
    const items = await getDb().select().from(orderItems).where(eq(orderItems.orderId, order.id));
    expect(items.map((item) => [item.productId, item.quantity])).toEqual([[shop.matcha.id, 2]]);
    const sentEvents = await eventsOf(getDb(), shop.store.id, EVENT_TYPES.reminderSent);
    expect(sentEvents[0]!.properties).toMatchObject({ recoveryId: recovery.id, step: 1 });

    // Step 2 at +26 h, outside the window: the template, reusing the order and its link.
    expect(await stepsAt(getDb(), at(abandonedAt, 26 * HOUR - MINUTE))).toMatchObject({
      sent: 0,
    });
    expect(await stepsAt(getDb(), at(abandonedAt, 26 * HOUR))).toMatchObject({ sent: 1 });
    rows = await stepsOf(getDb(), recovery.id);
    expect(rows[1]).toMatchObject({ status: "sent", channel: "template" });
    const second = await messageById(getDb(), rows[1]!.messageId!);
    expect(second.type).toBe("template");
    expect(second.content).toMatchObject({
      name: "cart_reminder",
      bodyParameters: ["Aiko", "2 × Uji Matcha", expect.stringContaining(`${ORIGIN}/pay/`)],
    });
    expect((await recoveryOfCart(getDb(), cart.id))!.orderId).toBe(order.id);

    expect(await stepsAt(getDb(), at(abandonedAt, 72 * HOUR))).toMatchObject({ sent: 1 });
    expect((await stepsOf(getDb(), recovery.id)).map((row) => row.status)).toEqual([
      "sent",
      "sent",
      "sent",
    ]);
    expect(await eventsOf(getDb(), shop.store.id, EVENT_TYPES.reminderSent)).toHaveLength(3);
  });

  it("quiet hours in Asia/Tokyo hold a night step until 09:00", async () => {
    // Left at 20:00 JST, abandoned 21:00, step 1 due 22:00 JST.
    const left = new Date("2026-03-10T11:00:00Z");
    const shop = await createRecoveryShop(getDb(), { lastInboundAt: at(left, -5 * MINUTE) });
    const cart = await leaveCart(getDb(), shop, left);
    await abandonAt(getDb(), at(left, HOUR));
    const recovery = (await recoveryOfCart(getDb(), cart.id))!;

    expect(await stepsAt(getDb(), at(left, 2 * HOUR))).toMatchObject({ waiting: 1, sent: 0 });
    const nineAm = new Date("2026-03-11T00:00:00Z");
    expect((await stepsOf(getDb(), recovery.id))[0]).toMatchObject({
      status: "waiting",
      reason: "quiet_hours",
      dueAt: nineAm,
    });
    expect(await stepsAt(getDb(), at(nineAm, -MINUTE))).toMatchObject({ sent: 0, waiting: 0 });
    expect(await stepsAt(getDb(), nineAm)).toMatchObject({ sent: 1 });
    expect((await stepsOf(getDb(), recovery.id))[0]).toMatchObject({
      status: "sent",
      decidedAt: nineAm,
    });
  });

  it("at most one reminder per customer per 24 hours, across two carts", async () => {
    const shop = await createRecoveryShop(getDb(), {
      settings: { steps: steps([60, 25 * 60]), sequenceGapDays: 1 },
      lastInboundAt: at(T0, -3 * DAY),
      template: true,
    });
    const cartA = await leaveCart(getDb(), shop, T0);
    await abandonAt(getDb(), at(T0, HOUR));
    await stepsAt(getDb(), at(T0, 2 * HOUR));
    const cartB = await leaveCart(getDb(), shop, at(T0, 24 * HOUR + 30 * MINUTE));
    await abandonAt(getDb(), at(T0, 25 * HOUR + 30 * MINUTE));
    const a = (await recoveryOfCart(getDb(), cartA.id))!;
    const b = (await recoveryOfCart(getDb(), cartB.id))!;
    expect(b).toBeDefined();

    // A's step 2 goes at +26 h; B's step 1, due at +26 h 30, waits 24 h from A's.
    expect(await stepsAt(getDb(), at(T0, 26 * HOUR))).toMatchObject({ sent: 1 });
    expect(await stepsAt(getDb(), at(T0, 26 * HOUR + 30 * MINUTE))).toMatchObject({
      waiting: 1,
      sent: 0,
    });
    expect((await stepsOf(getDb(), b.id))[0]).toMatchObject({
      status: "waiting",
      reason: "daily_cap",
      dueAt: at(T0, 50 * HOUR),
    });
    expect((await stepsOf(getDb(), a.id))[1]!.status).toBe("sent");
    expect(await stepsAt(getDb(), at(T0, 50 * HOUR))).toMatchObject({ sent: 1 });
    expect((await stepsOf(getDb(), b.id))[0]!.status).toBe("sent");
  });

  it("free-form at 23h59m after the customer's last message, the template at 24h01m", async () => {
    const decideAt = async (minutesSinceInbound: number) => {
      const inbound = T0;
      const shop = await createRecoveryShop(getDb(), {
        settings: { steps: steps([15]) },
        lastInboundAt: inbound,
        template: true,
      });
      const sendAt = at(inbound, minutesSinceInbound * MINUTE);
      const cart = await leaveCart(getDb(), shop, at(sendAt, -75 * MINUTE));
      await abandonAt(getDb(), at(sendAt, -15 * MINUTE));
      await stepsAt(getDb(), sendAt);
      const recovery = (await recoveryOfCart(getDb(), cart.id))!;
      return (await stepsOf(getDb(), recovery.id))[0];
    };
    expect(await decideAt(23 * 60 + 59)).toMatchObject({ status: "sent", channel: "free_form" });
    expect(await decideAt(24 * 60 + 1)).toMatchObject({ status: "sent", channel: "template" });
  });

  it("outside the window without a template the step is skipped with its reason; the next one stays", async () => {
    const shop = await createRecoveryShop(getDb(), {
      settings: { steps: steps([60, 26 * 60], { template: false }) },
      lastInboundAt: at(T0, -2 * DAY),
    });
    const customer = await addCustomer(getDb(), shop, { lastInboundAt: at(T0, -2 * DAY) });
    const cart = await leaveCart(getDb(), shop, T0, { customerId: customer.id });
    await abandonAt(getDb(), at(T0, HOUR));
    expect(await stepsAt(getDb(), at(T0, 2 * HOUR))).toMatchObject({ skipped: 1, sent: 0 });
    const recovery = (await recoveryOfCart(getDb(), cart.id))!;
    const rows = await stepsOf(getDb(), recovery.id);
    expect(rows.map((row) => [row.status, row.reason, row.messageId])).toEqual([
      ["skipped", "outside_window_no_template", null],
      ["scheduled", null, null],
    ]);
    expect((await recoveryOfCart(getDb(), cart.id))!.status).toBe("active");
  });
});
