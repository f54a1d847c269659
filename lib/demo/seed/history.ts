import type { DiscountLine, OrderStatus } from "@/db/schema";
import { pickBasket, type BasketLine } from "./catalog";
import { createPhoneAllocator, pickCountry, pickLocale, pickName, type DemoLocale } from "./people";
import type { Rng } from "./random";

/** Entry points a chat can start from (DESIGN §1); "unattributed" when no ref came with it. */
export const ENTRY_SOURCES = [
  "widget",
  "product_button",
  "desktop_qr",
  "qr",
  "cart",
  "link",
  "unattributed",
] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

export const HISTORY_DAYS = 90;
export const CUSTOMER_COUNT = 300;
/** The shincha sold out and was archived this many days into the history. */
const ARCHIVED_AFTER_DAYS = 36;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Asia/Tokyo has no daylight saving time, so a fixed offset gives its local days. */
const TOKYO_OFFSET = 9 * HOUR;

export type PlannedCustomer = {
  phone: string;
  waId: string;
  name: string;
  locale: DemoLocale;
  createdAt: Date;
  optedInAt: Date | null;
  optedOutAt: Date | null;
  lastInboundAt: Date;
};

export type PlannedOrder = {
  number: string;
  /** Index into DemoHistory.customers. */
  customer: number;
  source: EntrySource;
  status: OrderStatus;
  createdAt: Date;
  paidAt: Date | null;
  items: BasketLine[];
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  /** Points paid with (loyalty.ts decides, with its discount line and hold). */
  pointsRedeemed: number;
  discountLines: DiscountLine[];
  expiresAt: Date | null;
};

export type PlannedChat = {
  at: Date;
  source: EntrySource;
  /** Index into DemoHistory.customers. */
  customer: number;
  /** The order this chat led to, if any. */
  order: PlannedOrder | null;
};

/** Everything that happened in the demo store, in memory; sorted by time. */
export type DemoHistory = {
  customers: PlannedCustomer[];
  chats: PlannedChat[];
  orders: PlannedOrder[];
  /** When the limited shincha sold out and was archived. */
  archivedAt: Date;
};

// Sunday first (Date#getUTCDay): busy weekends, quiet Mondays and Tuesdays.
const WEEKDAY_FACTOR = [1.3, 0.7, 0.72, 0.9, 0.95, 1.2, 1.45];
// Local hour of day for chats that start online, and for the shop's opening hours (10:00–18:00).
// prettier-ignore
const ONLINE_HOURS = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1, 1.1, 1.2, 1.4, 1.7, 1.4, 1.2, 1.2, 1.3, 1.4, 1.6, 1.9, 2, 1.8, 1.3, 0.7];
// prettier-ignore
const SHOP_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.8, 1.2, 1.3, 1.4, 1.6, 1.7, 1.5, 1];

// Shop QR cards and cart links convert best; widget and product-button chats are often just questions.
// prettier-ignore
const CONVERTING_SOURCES: readonly (readonly [EntrySource, number])[] = [
  ["qr", 30], ["product_button", 18], ["widget", 14], ["cart", 12], ["link", 9], ["desktop_qr", 7], ["unattributed", 10],
];
// prettier-ignore
const BROWSING_SOURCES: readonly (readonly [EntrySource, number])[] = [
  ["widget", 26], ["product_button", 20], ["qr", 14], ["unattributed", 16], ["link", 10], ["desktop_qr", 8], ["cart", 6],
];

// Pending orders were never paid; refunded ones were paid, then refunded.
// prettier-ignore
const ORDER_STATUSES: readonly (readonly [OrderStatus, number])[] = [["paid", 83], ["pending", 8], ["cancelled", 5], ["refunded", 4]];

type DraftChat = { at: Date; source: EntrySource; converts: boolean };

function hourWeights(weights: readonly number[]): [number, number][] {
  return weights.map((weight, hour) => [hour, weight]);
}

function chatTime(rng: Rng, dayStart: number, source: EntrySource): Date {
  const hour = rng.weighted(hourWeights(source === "qr" ? SHOP_HOURS : ONLINE_HOURS));
  return new Date(dayStart + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * SECOND);
}

/** Midnight in Kyoto at the start of the history's first day. */
export function historyStart(now: Date): Date {
  const todayStart = Math.floor((now.getTime() + TOKYO_OFFSET) / DAY) * DAY - TOKYO_OFFSET;
  return new Date(todayStart - (HISTORY_DAYS - 1) * DAY);
}

/** Chats of every day: about 4–12 orders a day following the week, a mild growth trend and noise. */
function draftChats(rng: Rng, now: Date): DraftChat[] {
  const firstDay = historyStart(now).getTime();
  const chats: DraftChat[] = [];
  for (let day = 0; day < HISTORY_DAYS; day++) {
    const dayStart = firstDay + day * DAY;
    const weekday = new Date(dayStart + TOKYO_OFFSET).getUTCDay();
    const growth = 0.85 + (0.3 * day) / (HISTORY_DAYS - 1);
    const noise = 1 + 0.15 * rng.normal();
    const orders = Math.min(
      14,
      Math.max(3, Math.round(7.2 * (WEEKDAY_FACTOR[weekday] ?? 1) * growth * noise)),
    );
    const browsing = Math.round(orders * rng.between(1.1, 1.9));
    for (let i = 0; i < orders + browsing; i++) {
      const converts = i < orders;
      const source = rng.weighted(converts ? CONVERTING_SOURCES : BROWSING_SOURCES);
      chats.push({ at: chatTime(rng, dayStart, source), source, converts });
    }
  }
  // Today is only partly over: nothing in the future, and an order needs an hour to happen.
  return chats
    .filter((chat) => chat.at < now)
    .map((chat) => ({
      ...chat,
      converts: chat.converts && chat.at.getTime() < now.getTime() - HOUR,
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

type CustomerState = PlannedCustomer & { affinity: number };

function newCustomer(
  rng: Rng,
  chat: DraftChat,
  allocatePhone: ReturnType<typeof createPhoneAllocator>,
  now: Date,
): CustomerState {
  const locale = pickLocale(rng, chat.source === "qr");
  const { country, ...phone } = allocatePhone(pickCountry(rng, locale));
  const optedInAt = rng.chance(0.6)
    ? new Date(Math.min(now.getTime(), chat.at.getTime() + rng.int(1, 8) * MINUTE))
    : null;
  return {
    ...phone,
    name: pickName(rng, country),
    locale,
    createdAt: chat.at,
    optedInAt,
    optedOutAt: null,
    lastInboundAt: chat.at,
    // Some shoppers come back again and again; travellers less often once home.
    affinity: Math.exp(0.8 * rng.normal()) * (locale === "ja" ? 1 : 0.4),
  };
}

function planOrder(
  rng: Rng,
  chat: DraftChat,
  customerIndex: number,
  archivedAt: number,
): PlannedOrder {
  const createdAt = new Date(chat.at.getTime() + rng.int(3, 35) * MINUTE + rng.int(0, 59) * SECOND);
  const status = rng.weighted(ORDER_STATUSES);
  const paidAt =
    status === "paid" || status === "refunded"
      ? new Date(createdAt.getTime() + rng.int(1, 12) * MINUTE + rng.int(0, 59) * SECOND)
      : null;
  const items = pickBasket(rng, chat.at.getTime() < archivedAt);
  const subtotalMinor = items.reduce((sum, item) => sum + item.lineTotalMinor, 0);
  return {
    number: "",
    customer: customerIndex,
    source: chat.source,
    status,
    createdAt,
    paidAt,
    items,
    subtotalMinor,
    discountMinor: 0,
    totalMinor: subtotalMinor,
    pointsRedeemed: 0,
    discountLines: [],
    expiresAt: null,
  };
}

function finishCustomer(
  rng: Rng,
  { affinity: _affinity, ...customer }: CustomerState,
  now: Date,
): PlannedCustomer {
  const lastInboundAt = new Date(
    Math.min(now.getTime(), customer.lastInboundAt.getTime() + rng.int(0, 20) * MINUTE),
  );
  const optedOutAt =
    customer.optedInAt && rng.chance(0.04)
      ? new Date(
          customer.optedInAt.getTime() +
            rng.between(0.2, 1) * (now.getTime() - customer.optedInAt.getTime()),
        )
      : null;
  return { ...customer, lastInboundAt, optedOutAt };
}

/** Plans 90 days of the demo store's life up to `now`: shoppers, chats and orders. */
export function planHistory(rng: Rng, now: Date): DemoHistory {
  const drafts = draftChats(rng.fork("days"), now);
  const people = rng.fork("customers");
  const shopping = rng.fork("orders");
  const allocatePhone = createPhoneAllocator(rng.fork("phones"));
  const archivedAt = (drafts[0]?.at.getTime() ?? now.getTime()) + ARCHIVED_AFTER_DAYS * DAY;

  const customers: CustomerState[] = [];
  const chats: PlannedChat[] = [];
  const orders: PlannedOrder[] = [];
  drafts.forEach((draft, position) => {
    // Selection sampling: exactly CUSTOMER_COUNT first chats, spread evenly over the chats.
    const remainingChats = drafts.length - position;
    const remainingNew = CUSTOMER_COUNT - customers.length;
    const isNew = customers.length === 0 || people.chance(remainingNew / remainingChats);
    let index: number;
    if (isNew) {
      index = customers.push(newCustomer(people, draft, allocatePhone, now)) - 1;
    } else {
      index = people.weighted(customers.map((customer, i) => [i, customer.affinity] as const));
    }
    const customer = customers[index]!;
    customer.lastInboundAt = draft.at;
    const order = draft.converts ? planOrder(shopping, draft, index, archivedAt) : null;
    if (order) orders.push(order);
    chats.push({ at: draft.at, source: draft.source, customer: index, order });
  });

  orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const [i, order] of orders.entries()) order.number = `KT-${10001 + i}`;
  const finish = rng.fork("customer-details");
  return {
    customers: customers.map((customer) => finishCustomer(finish, customer, now)),
    chats,
    orders,
    archivedAt: new Date(archivedAt),
  };
}
