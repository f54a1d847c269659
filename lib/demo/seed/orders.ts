import "server-only";
import { createHash } from "node:crypto";
import type {
  CheckoutSession,
  NewClick,
  NewOrder,
  NewOrderItem,
  PaymentLink,
  Refund,
} from "@/db/schema";
import { localizedName } from "@/lib/catalog/translations";
import { matchLanguage } from "@/lib/i18n/languages";
import { paymentLinkUrl } from "@/lib/payments/payment-link";
import { orderItemLines, paymentLinkContent } from "@/lib/payments/send-link";
import { DEMO_PRODUCTS } from "./catalog";
import { DEMO_PRODUCT_TRANSLATIONS } from "./catalog-translations";
import type { DemoChatRows } from "./chat-rows";
import type { DemoHistory } from "./history";
import { addOrderMessages, type OrderMessageInput } from "./order-messages";
import type { PlannedPayment } from "./payments";
import type { Rng } from "./random";

type Row<T> = Omit<T, "id"> & { id: string };

export type DemoOrderIds = {
  storeId: string;
  currency: string;
  /** Where the demo's links point (`<origin>/pay/<token>`). */
  origin: string;
  customerIds: readonly string[];
  productIds: readonly string[];
  /** Parallel to DemoHistory.orders. */
  orderIds: readonly string[];
  ownerId: string;
  agentUserIds: readonly string[];
  conversationId(chatIndex: number): string;
  newId(kind: string, key: string | number): string;
};

export type DemoOrderRows = {
  orders: NewOrder[];
  items: NewOrderItem[];
  paymentLinks: Row<PaymentLink>[];
  checkoutSessions: Row<CheckoutSession>[];
  refunds: Row<Refund>[];
  /** Parallel to the orders: the link message in the chat, when it fitted. */
  linkMessageIds: (string | null)[];
};

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random-looking, the same for the same store and key, different across stores. */
function demoDigest(storeId: string, kind: string, key: string | number) {
  return createHash("sha256").update(`${storeId}:demo-${kind}:${key}`).digest();
}

function stripeLikeId(prefix: string, bytes: Buffer, length: number): string {
  let id = prefix;
  for (let i = 0; i < length; i++) id += BASE62[bytes[i % bytes.length]! % 62];
  return id;
}

function nextChatStarts(history: DemoHistory): number[] {
  const next = history.chats.map(() => Number.POSITIVE_INFINITY);
  const latest = new Map<number, number>();
  for (let i = history.chats.length - 1; i >= 0; i--) {
    const chat = history.chats[i]!;
    const later = latest.get(chat.customer);
    if (later !== undefined) next[i] = history.chats[later]!.at.getTime();
    latest.set(chat.customer, i);
  }
  return next;
}

/**
 * The demo's orders as rows: attribution copied from the conversation that led to each one,
 * the payment link, Checkout Sessions and refunds as planned, and the link and confirmation
 * messages added to the chats (so call this before the chat rows are inserted).
 */
export function demoOrderRows(
  rng: Rng,
  input: {
    history: DemoHistory;
    payments: readonly PlannedPayment[];
    chats: DemoChatRows;
    clicks: readonly NewClick[];
    now: Date;
  },
  ids: DemoOrderIds,
): DemoOrderRows {
  const { storeId, currency } = ids;
  const conversations = new Map(input.chats.conversations.map((row) => [row.id!, row]));
  const refs = new Map(input.clicks.map((click) => [click.id!, click.ref]));
  const agentOf = new Map(
    input.chats.messages
      .filter((message) => message.author === "agent" && message.agentUserId)
      .map((message) => [message.conversationId, message.agentUserId!]),
  );
  const nextChats = nextChatStarts(input.history);
  const rows: DemoOrderRows = {
    orders: [],
    items: [],
    paymentLinks: [],
    checkoutSessions: [],
    refunds: [],
    linkMessageIds: [],
  };
  const messageInputs: OrderMessageInput[] = [];

  for (const payment of input.payments) {
    const { order, orderIndex: i } = payment;
    const orderId = ids.orderIds[i]!;
    const conversationId = ids.conversationId(payment.chatIndex);
    const conversation = conversations.get(conversationId);
    if (!conversation) throw new Error(`Order ${order.number} has no conversation`);
    const language = matchLanguage(conversation.language ?? "") ?? "ja";
    const paymentIntentId = order.paidAt
      ? stripeLikeId("pi_3Q", demoDigest(storeId, "payment-intent", i), 22)
      : null;
    const refunded = payment.refund;
    rows.orders.push({
      id: orderId,
      storeId,
      number: order.number,
      customerId: ids.customerIds[order.customer],
      status: order.status,
      currency,
      subtotalMinor: order.subtotalMinor,
      discountMinor: order.discountMinor,
      totalMinor: order.totalMinor,
      pointsRedeemed: order.pointsRedeemed,
      discountLines: order.discountLines,
      expiresAt: order.expiresAt,
      source: conversation.source ?? "unattributed",
      origin: payment.origin,
      conversationId,
      clickId: conversation.clickId ?? null,
      qrCodeId: conversation.qrCodeId ?? null,
      productId: conversation.productId ?? null,
      ref: conversation.clickId ? (refs.get(conversation.clickId) ?? null) : null,
      language,
      note: null,
      awaitingAsyncPaymentAt: null,
      cartId: null,
      paymentIntentId,
      shippingAddress: payment.shippingAddress,
      refundedMinor: refunded?.amountMinor ?? 0,
      refundedAt: refunded?.refundedAt ?? null,
      fulfillmentStatus: payment.deliveredAt
        ? "delivered"
        : payment.shippedAt
          ? "shipped"
          : "unfulfilled",
      trackingUrl: payment.trackingUrl,
      shippedAt: payment.shippedAt,
      deliveredAt: payment.deliveredAt,
      cancelledAt: payment.cancelledAt,
      createdAt: order.createdAt,
      paidAt: order.paidAt,
      updatedAt: payment.updatedAt,
    });
    const items = order.items.map((item, line) => {
      const product = DEMO_PRODUCTS[item.product]!;
      const translations = DEMO_PRODUCT_TRANSLATIONS[product.slug] ?? {};
      return {
        id: ids.newId("order-item", `${i}.${line}`),
        storeId,
        orderId,
        productId: ids.productIds[item.product],
        // Snapshot in the shopper's language, as lib/orders/create-order.ts takes it.
        name: localizedName({ name: item.name, translations }, language),
        unitPriceMinor: item.unitPriceMinor,
        quantity: item.quantity,
        lineTotalMinor: item.lineTotalMinor,
      } satisfies NewOrderItem;
    });
    rows.items.push(...items);

    const token = demoDigest(storeId, "payment-link", i).toString("base64url");
    const opens = payment.opens;
    rows.paymentLinks.push({
      id: ids.newId("payment-link", i),
      storeId,
      orderId,
      token,
      version: payment.sessions.at(-1)?.version ?? 1,
      openCount: opens.length,
      firstOpenedAt: opens[0] ?? null,
      lastOpenedAt: opens.at(-1) ?? null,
      createdAt: order.createdAt,
    });
    for (const session of payment.sessions) {
      const sessionId = stripeLikeId(
        "cs_test_a1",
        demoDigest(storeId, "checkout-session", `${i}.${session.version}`),
        56,
      );
      rows.checkoutSessions.push({
        id: ids.newId("checkout-session", `${i}.${session.version}`),
        storeId,
        orderId,
        sessionId,
        version: session.version,
        url: `https://checkout.stripe.com/c/pay/${sessionId}`,
        status: session.status,
        amountMinor: order.totalMinor,
        currency,
        expiresAt: session.expiresAt,
        createdAt: session.createdAt,
      });
    }
    if (refunded && paymentIntentId) {
      rows.refunds.push({
        id: ids.newId("refund", i),
        storeId,
        orderId,
        reason: "owner",
        paymentIntentId,
        amountMinor: refunded.amountMinor,
        currency,
        status: "succeeded",
        idempotencyKey: `order:${orderId}:refund:1`,
        stripeRefundId: stripeLikeId("re_3Q", demoDigest(storeId, "refund", i), 22),
        requestedBy: ids.ownerId,
        lastError: null,
        attempts: 1,
        nextAttemptAt: null,
        createdAt: refunded.requestedAt,
        updatedAt: refunded.refundedAt,
      });
    }

    const itemLines = orderItemLines(items, currency, language);
    messageInputs.push({
      payment,
      orderId,
      conversationId,
      nextChatAt: nextChats[payment.chatIndex]!,
      language,
      itemLines,
      currency,
      linkContent: paymentLinkContent(
        { number: order.number, totalMinor: order.totalMinor, currency, language, note: null },
        items,
        paymentLinkUrl(ids.origin, token),
      ),
      agentUserId: agentOf.get(conversationId) ?? ids.agentUserIds[0]!,
      newId: (key) => ids.newId("order-message", `${i}:${key}`),
    });
  }
  const placed = addOrderMessages(rng, input.chats, messageInputs, input.now.getTime());
  rows.linkMessageIds = placed.map((message) => message.linkMessageId);
  return rows;
}
