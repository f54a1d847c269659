import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { InboundContent, OutgoingContent } from "@/lib/whatsapp/content";

/**
 * A product as the bot shows it (prices in minor units of `currency`): `name` and
 * `description` in the conversation's language (lib/bot/localize.ts).
 */
export type BotProduct = {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceMinor: number;
  currency: string;
  /** Every name it goes by, shown name first: the shopper may write any of them. */
  names: readonly string[];
};

export type BotOrder = {
  number: string;
  status: "pending" | "paid" | "refunded" | "cancelled";
  totalMinor: number;
  currency: string;
  createdAt: Date;
  paidAt: Date | null;
  fulfillmentStatus: "unfulfilled" | "shipped" | "delivered";
  trackingUrl: string | null;
  /** Refunded so far (a partial refund keeps the order `paid`). */
  refundedMinor: number;
  /** The order's `/pay/<token>` link while it is pending and links can be made, else null. */
  payUrl: string | null;
};

/** What the shopper asked to pay for: one product, the cart as it is now, or a catalog cart. */
export type BotCheckoutRequest =
  | { kind: "product"; productId: string; quantity: number }
  | { kind: "cart"; cartId: string }
  | { kind: "catalog"; lines: { productId: string; quantity: number }[] };

/** A payment link made ready by `checkout`; the reply that carries it has it queued last. */
export type BotPaymentLink = { orderId: string; orderNumber: string; dedupeKey: string };

export type BotCheckoutOutcome =
  /** `resent`: an open unpaid order for the same items existed; its link goes again. */
  | { status: "ready"; link: BotPaymentLink; resent: boolean }
  /** The store cannot take payment (no Stripe key in production, or no link origin). */
  | { status: "unavailable" }
  | {
      status: "refused";
      reason: "empty" | "bad_quantity" | "unavailable_products" | "too_many_lines" | "cart_gone";
    };

/** A line of a shopper's cart as the bot shows it (priced now, in the store's currency). */
export type BotCartLine = { name: string; quantity: number; lineTotalMinor: number };

/**
 * The storefront cart a message's ref came from ("Continue in WhatsApp"): its available
 * lines and total, or `unavailable` when it cannot be shown (already ordered, or attached
 * to another customer).
 */
export type BotCart =
  | { status: "open"; cartId: string; lines: BotCartLine[]; totalMinor: number; currency: string }
  | { status: "unavailable" };

/** An owner-written FAQ answer; `keywords` are matched case-insensitively in the shopper's text. */
export type BotFaq = {
  id: string;
  language: ShopperLanguage;
  question: string;
  answer: string;
  keywords: string[];
};

/** Everything an intent may read. Loaders are lazy so that a greeting costs no product query. */
export type BotContext = {
  language: ShopperLanguage;
  inbound: InboundContent;
  now: Date;
  store: {
    name: string;
    currency: string;
    timezone: string;
    /** The owner's greeting in `language` (or the store default), if any. */
    greeting: string | null;
    /** Whether a person is at work now (business hours), and when they next are. */
    isOpenNow: boolean;
    nextOpening: Date | null;
  };
  customer: { name: string | null };
  /** The product named by the ref this message carried (product page, product QR code). */
  referredProduct: BotProduct | null;
  /** The cart named by the ref this message carried (the storefront cart's hand-off). */
  referredCart: BotCart | null;
  listProducts(): Promise<BotProduct[]>;
  findProduct(id: string): Promise<BotProduct | null>;
  recentOrders(): Promise<BotOrder[]>;
  faqs(): Promise<BotFaq[]>;
  /** Whether this store can take a payment now (lib/payments/config.ts and a link origin). */
  paymentsAvailable(): Promise<boolean>;
  /** The product the bot's last message asked "How many?" about, if it did. */
  quantityAskedFor(): Promise<string | null>;
  /**
   * Creates the order from database prices (or finds the open unpaid one for the same items)
   * in the processor's transaction; the link is queued when the reply carries it.
   */
  checkout(request: BotCheckoutRequest): Promise<BotCheckoutOutcome>;
  /** The store's points programme for this customer; absent: no programme (as if off). */
  loyalty?: BotLoyalty;
};

export type BotLoyaltyProgramme = { name: string; signupBonus: number; birthdayBonus: number };

export type BotLedgerReason =
  | "signup"
  | "earn"
  | "redeem"
  | "redeem_return"
  | "reversal"
  | "expire"
  | "birthday"
  | "tier_reward"
  | "first_order"
  | "adjust";

/** A member's points as "My points" shows them; money in the store's minor units. */
export type BotPointsSummary = {
  programme: BotLoyaltyProgramme;
  currency: string;
  balance: number;
  available: number;
  pending: number;
  nextPending: { points: number; at: Date } | null;
  tierName: string;
  nextTier: { name: string; neededMinor: number } | null;
  expiring: { points: number; at: Date } | null;
  recent: { delta: number; reason: BotLedgerReason; orderNumber: string | null; at: Date }[];
  birthday: { month: number; day: number } | null;
};

/** Points a member may use on an order before its link is sent. */
export type BotPointsOffer = {
  orderId: string;
  orderNumber: string;
  points: number;
  discountMinor: number;
  /** The order's total before the points. */
  totalMinor: number;
  currency: string;
  available: number;
};

/** Why an order's link cannot go: it is gone, or no longer awaiting payment. */
export type BotOrderGone =
  | { status: "not_found" }
  | { status: "not_payable"; orderNumber: string; orderStatus: BotOrder["status"] }
  | { status: "unavailable" };

export type BotPayWithPoints =
  | {
      status: "redeemed";
      points: number;
      discountMinor: number;
      available: number;
      link: BotPaymentLink;
    }
  /** The balance or order changed since the offer: a new one is made. */
  | { status: "changed"; offer: BotPointsOffer }
  | { status: "already_redeemed"; link: BotPaymentLink }
  /** Points cannot be used on it now (balance, minimum, an open checkout): full price. */
  | { status: "not_usable"; link: BotPaymentLink }
  | BotOrderGone;

export type BotLoyalty = {
  /** The programme when it is on, else null. */
  programme(): Promise<BotLoyaltyProgramme | null>;
  isMember(): Promise<boolean>;
  /** Null when the programme is off or the customer is no member. */
  summary(): Promise<BotPointsSummary | null>;
  /** Joins (once): `joined` with the bonus granted, `member` when already one. */
  join(): Promise<{ status: "joined"; bonus: number } | { status: "member" } | { status: "off" }>;
  /** Whether the bot's last message asked for the shopper's birthday. */
  birthdayAsked(): Promise<boolean>;
  saveBirthday(month: number, day: number): Promise<"saved" | "invalid" | "not_member">;
  /**
   * The offer before an order's link, or null (no member, nothing redeemable, negative
   * balance, or an opted-out customer: they hear nothing about points unasked).
   */
  offer(orderId: string): Promise<BotPointsOffer | null>;
  /** Redeems on the order (once) and makes its link ready; `shownPoints` as offered. */
  payWithPoints(orderId: string, shownPoints: number | null): Promise<BotPayWithPoints>;
  /** The order's link at its current total. */
  payFull(orderId: string): Promise<{ status: "ready"; link: BotPaymentLink } | BotOrderGone>;
};

export type BotReply = {
  /** Sent in order. */
  messages: OutgoingContent[];
  /** The conversation goes to a person; the bot stays silent until it is handed back. */
  handOff?: boolean;
  /** Which intent answered (recorded on the message, useful in tests and the inbox). */
  intent: string;
  /** A payment link from `checkout`, queued after `messages`. */
  paymentLink?: BotPaymentLink;
};

/**
 * One small module per intent. `match` returns a score (0 = not mine); the registry asks
 * every intent and the highest score answers, so new intents ("Buy", "My points") plug in
 * without touching the others.
 */
export type BotIntent = {
  name: string;
  match(context: BotContext): number | Promise<number>;
  reply(context: BotContext): BotReply | Promise<BotReply>;
};
