import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { messages, orders, storeMembers, users } from "@/db/schema";
import { sendPaymentLinkAction } from "@/app/(dashboard)/dashboard/inbox/actions/send-payment-link";
import { cancelOrderAction } from "@/app/(dashboard)/dashboard/orders/actions/cancel-order";
import { markDeliveredAction } from "@/app/(dashboard)/dashboard/orders/actions/mark-delivered";
import { markShippedAction } from "@/app/(dashboard)/dashboard/orders/actions/mark-shipped";
import { refundOrderAction } from "@/app/(dashboard)/dashboard/orders/actions/refund-order";
import OrderPage from "@/app/(dashboard)/dashboard/orders/[number]/page";
import OrdersPage from "@/app/(dashboard)/dashboard/orders/page";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import en from "@/lib/dashboard-i18n/messages/en";
import ja from "@/lib/dashboard-i18n/messages/ja";
import { idleState } from "@/lib/forms/action-state";
import type { StripePlatformConfig } from "@/lib/payments/config";
import { expectNotFound, formData, pageText } from "../catalog/product-test-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import { addChat, addOrder, addProduct, type Shop, stripeConfig } from "./helpers";

const scheduled = vi.hoisted((): (() => unknown)[] => []);
const platform = vi.hoisted(() => ({ config: null as StripePlatformConfig | null }));

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
  after: (task: () => unknown) => void scheduled.push(task),
}));
// The deployment's Stripe settings, so a test can be "production without keys".
vi.mock("@/lib/payments/config", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/payments/config")>();
  return {
    ...actual,
    stripePlatformConfig: () => platform.config ?? actual.stripePlatformConfig(),
  };
});

const db = setupTestDatabase();
const params = (number: string) => ({ params: Promise.resolve({ number }) });
const search = (values: Record<string, string>) => ({ searchParams: Promise.resolve(values) });

describe(`order pages and actions: tenancy, roles and words [${testDbBackend}]`, () => {
  let alice: Shop;
  let bob: Shop;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db());
    bob = await createOwnerWithStore(db());
    actAs(alice);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
    scheduled.length = 0;
    platform.config = null;
  });

  it("lists only the member's orders, and says what was wrong with a bad query", async () => {
    const mine = await addOrder(db(), alice.store.id);
    const theirs = await addOrder(db(), bob.store.id);
    const text = pageText(await OrdersPage(search({})));
    expect(text).toContain(mine.number);
    expect(text).not.toContain(theirs.number);
    const bad = pageText(await OrdersPage(search({ status: "lost", from: "2026-13-01" })));
    expect(bad).toContain(en.orders.queryProblems.status);
    expect(bad).toContain(en.orders.queryProblems.from);
    expect(bad).toContain(mine.number);
    const none = pageText(await OrdersPage(search({ q: "nothing like this" })));
    expect(none).toContain(en.orders.emptyFiltered);
    expect(none).not.toContain(en.orders.configError.title);
  });

  it("shows the configuration error when production has no Stripe key", async () => {
    platform.config = stripeConfig({ nodeEnv: "production" });
    const text = pageText(await OrdersPage(search({})));
    expect(text).toContain(en.orders.configError.title);
    expect(text).toContain(en.orders.empty);
  });

  it("shows the member's order and 404s another store's", async () => {
    const mine = await addOrder(db(), alice.store.id, { status: "paid" });
    const theirs = await addOrder(db(), bob.store.id);
    expect(pageText(await OrderPage(params(mine.number)))).toContain(mine.number);
    await expectNotFound(OrderPage(params(theirs.number)));
    await expectNotFound(OrderPage(params("%E0%A4%A")));
  });

  it("cannot ship, deliver, cancel or refund another store's order", async () => {
    const paid = await addOrder(db(), bob.store.id, { status: "paid" });
    const shipped = await addOrder(db(), bob.store.id, {
      status: "paid",
      fulfillmentStatus: "shipped",
    });
    const pending = await addOrder(db(), bob.store.id);
    const attempts = [
      markShippedAction(idleState, formData({ orderNumber: paid.number })),
      markDeliveredAction(idleState, formData({ orderNumber: shipped.number })),
      // The expire and refund stubs throw if they are ever reached.
      cancelOrderAction(idleState, formData({ orderNumber: pending.number })),
      refundOrderAction(idleState, formData({ orderNumber: paid.number, amount: "100" })),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ status: "error", message: en.orders.errors.not_found });
    }
    const rows = await db().select().from(orders).where(eq(orders.storeId, bob.store.id));
    expect(rows.map((row) => [row.status, row.fulfillmentStatus]).sort()).toEqual([
      ["paid", "shipped"],
      ["paid", "unfulfilled"],
      ["pending", "unfulfilled"],
    ]);
    expect(scheduled).toEqual([]);
  });

  it("lets an agent see orders but not refund them", async () => {
    const [agent] = await db()
      .insert(users)
      .values({ email: `agent-${Date.now()}@example.test` })
      .returning();
    await db()
      .insert(storeMembers)
      .values({ storeId: alice.store.id, userId: agent!.id, role: "agent" });
    actAs({ userId: agent!.id, email: agent!.email });
    const order = await addOrder(db(), alice.store.id, { status: "paid" });
    expect(pageText(await OrderPage(params(order.number)))).toContain(order.number);
    expect(
      await refundOrderAction(idleState, formData({ orderNumber: order.number, amount: "100" })),
    ).toMatchObject({ status: "error", message: en.orders.errors.owner_only });
  });

  it("puts validation and state errors in the member's language", async () => {
    const order = await addOrder(db(), alice.store.id, { status: "paid" });
    expect(
      await markShippedAction(
        idleState,
        formData({ orderNumber: order.number, trackingUrl: "javascript:alert(1)" }),
      ),
    ).toMatchObject({
      status: "error",
      message: en.orders.errors.trackingUrl,
      fieldErrors: { trackingUrl: [en.orders.errors.trackingUrl] },
    });
    expect(
      await markDeliveredAction(idleState, formData({ orderNumber: order.number })),
    ).toMatchObject({
      status: "error",
      message: en.orders.errors.not_shipped,
    });
    await db().update(users).set({ locale: "ja" }).where(eq(users.id, alice.userId));
    expect(
      await markDeliveredAction(idleState, formData({ orderNumber: order.number })),
    ).toMatchObject({
      status: "error",
      message: ja.orders.errors.not_shipped,
    });
    expect(
      await refundOrderAction(idleState, formData({ orderNumber: order.number, amount: "12.5" })),
    ).toMatchObject({ status: "error", message: ja.orders.errors.refundAmount });
    expect(
      await sendPaymentLinkAction(idleState, formData({ conversationId: crypto.randomUUID() })),
    ).toMatchObject({ status: "error", message: ja.inbox.sendLink.errors.empty });
  });

  it("sends a payment link into the member's conversation only, from catalog prices", async () => {
    const product = await addProduct(db(), alice.store.id, { priceMinor: 2500 });
    const chat = await addChat(db(), alice.store.id);
    const result = await sendPaymentLinkAction(
      idleState,
      formData({
        conversationId: chat.conversation.id,
        [`qty:${product.id}`]: "2",
        [`price:${product.id}`]: "1",
        note: "",
      }),
    );
    expect(result).toMatchObject({
      status: "success",
      message: expect.stringMatching(/^Payment link for order .+ queued\.$/),
    });
    const [order] = await db().select().from(orders).where(eq(orders.storeId, alice.store.id));
    expect(order).toMatchObject({
      totalMinor: 5000,
      origin: "agent",
      conversationId: chat.conversation.id,
    });
    const thread = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, chat.conversation.id));
    expect(thread).toMatchObject([
      { type: "cta_url", author: "agent", agentUserId: alice.userId, status: "queued" },
    ]);
    expect(scheduled).toHaveLength(1);

    const theirChat = await addChat(db(), bob.store.id);
    const theirProduct = await addProduct(db(), bob.store.id);
    expect(
      await sendPaymentLinkAction(
        idleState,
        formData({ conversationId: theirChat.conversation.id, [`qty:${product.id}`]: "1" }),
      ),
    ).toMatchObject({ status: "error", message: en.inbox.sendLink.errors.not_found });
    expect(
      await sendPaymentLinkAction(
        idleState,
        formData({ conversationId: chat.conversation.id, [`qty:${theirProduct.id}`]: "1" }),
      ),
    ).toMatchObject({ status: "error", message: en.inbox.sendLink.errors.unavailable_products });
    expect(await db().select().from(orders).where(eq(orders.storeId, bob.store.id))).toEqual([]);

    platform.config = stripeConfig({ nodeEnv: "production" });
    expect(
      await sendPaymentLinkAction(
        idleState,
        formData({ conversationId: chat.conversation.id, [`qty:${product.id}`]: "1" }),
      ),
    ).toMatchObject({ status: "error", message: en.inbox.sendLink.errors.payments_unavailable });
  });
});
