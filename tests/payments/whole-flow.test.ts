import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { openPaymentLink } from "@/lib/payments/open-link";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type FakeStripe, startFakeStripe } from "../support/fake-stripe";
import { freshWaId } from "../processing/helpers";
import {
  APP,
  createOrderStore,
  ordersOf,
  restoreEnv,
  say,
  scanQr,
  send,
  tapButton,
  tapRow,
  usePaymentEnv,
} from "../orders/bot-order-helpers";
import { BROWSER_UA, freshIp } from "./helpers";
import {
  deliver,
  orderMessages,
  outboxOfMessages,
  sessionObject,
  stripeEvent,
  stripeTestConfig,
} from "./stripe-helpers";

const getDb = setupTestDatabase();
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  usePaymentEnv();
});
afterAll(async () => {
  restoreEnv();
  await fake.close();
});

describe(`from a printed QR code to a paid order, through every layer [${testDbBackend}]`, () => {
  it("QR ref → card → Buy → 2 → link → /pay → Checkout Session → signed completed event → paid → confirmation", async () => {
    const db = getDb();
    const shop = await createOrderStore(db);
    const waId = freshWaId();
    const click = await scanQr(db, shop);
    const [card] = await send(db, shop, waId, say(`Hi! (ref ${click.ref})`));
    const buy = (card!.content as { buttons: { id: string; title: string }[] }).buttons[0]!;
    const [question] = await send(db, shop, waId, tapButton(buy.id, buy.title));
    const row = (question!.content as { sections: { rows: { id: string }[] }[] }).sections[0]!
      .rows[1]!;
    await send(db, shop, waId, tapRow(row.id, "2"));
    const [{ order, link }] = (await ordersOf(db, shop, waId)) as [
      Awaited<ReturnType<typeof ordersOf>>[number],
    ];
    expect(order).toMatchObject({
      status: "pending",
      totalMinor: 6400,
      source: "qr",
      qrCodeId: shop.qr.id,
    });

    // The shopper opens the link: a Checkout Session is made for the order, and the browser goes there.
    const config = stripeTestConfig({ apiUrl: fake.url });
    const opened = await openPaymentLink(
      db,
      {
        token: link!.token,
        method: "GET",
        headers: new Headers({ "user-agent": BROWSER_UA }),
        ip: freshIp(),
        origin: APP,
        now: new Date(),
      },
      config,
    );
    const [created] = fake.requestsTo("POST", "/v1/checkout/sessions");
    expect(created?.body).toMatchObject({
      client_reference_id: order.id,
      metadata: { order_id: order.id, store_id: shop.store.id },
      line_items: [{ quantity: "2", price_data: { currency: "jpy", unit_amount: "3200" } }],
    });
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === order.id)!;
    expect(opened).toEqual({ kind: "redirect", location: session.url });

    // Stripe says it was paid; the signed event is stored, applied, and the shopper is told.
    const event = stripeEvent(
      "checkout.session.completed",
      sessionObject(order, { id: session.id }),
    );
    const delivered = await deliver(db, event, { config });
    expect(delivered.status).toBe(200);
    const [paid] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(paid).toMatchObject({ status: "paid", source: "qr" });
    const confirmation = (await orderMessages(db, order.id)).find(
      (m) => m.dedupeKey === `order:${order.id}:confirmation`,
    );
    expect(confirmation?.status).toBe("queued");
    expect(await outboxOfMessages(db, [confirmation!.id])).toHaveLength(1);
  });
});
