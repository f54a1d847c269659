import { REF_ALPHABET, REF_LENGTH } from "@/lib/attribution/refs";
import type { ClickSource, NewAnalyticsEvent, NewClick } from "@/db/schema";
import { DEMO_PRODUCTS } from "./catalog";
import type { DemoHistory, PlannedChat } from "./history";
import { pickLocale, type DemoLocale } from "./people";
import { isLiveAt, type PlannedQrCode } from "./qr-codes";
import type { Rng } from "./random";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** The store's own website, where the demo widget (and its desktop QR panel) is embedded. */
const STORE_SITE = "https://kyoto-tea-crafts.example";

type DeviceClass = "mobile" | "tablet" | "desktop";

/** One tracked entry into a chat, planned: every attributed chat has one, plus taps that led nowhere. */
export type PlannedClick = {
  ref: string;
  source: ClickSource;
  /** Index into DEMO_PRODUCTS. */
  product: number | null;
  /** Index into the planned QR codes. */
  qrCode: number | null;
  pageUrl: string | null;
  referrer: string | null;
  language: DemoLocale;
  deviceClass: DeviceClass;
  at: Date;
};

// Clicks per chat: a printed card is scanned on purpose; a link in a post is tapped out of curiosity.
// prettier-ignore
const CLICKS_PER_CHAT: Record<ClickSource, number> = {
  qr: 1.25, desktop_qr: 1.5, cart: 1.4, product_button: 2.1, widget: 2.6, link: 3.2,
};
// How often a click from this source names a product (product_button always; a cart never).
// prettier-ignore
const PRODUCT_SHARE: Record<ClickSource, number> = {
  qr: 0, desktop_qr: 0.75, cart: 0, product_button: 1, widget: 0.6, link: 0.35,
};
// Phones scan QR codes, including the one a desktop page shows.
// prettier-ignore
const DEVICES: Record<ClickSource, readonly (readonly [DeviceClass, number])[]> = {
  qr: [["mobile", 1]],
  desktop_qr: [["mobile", 1]],
  widget: [["mobile", 55], ["desktop", 36], ["tablet", 9]],
  product_button: [["mobile", 68], ["desktop", 24], ["tablet", 8]],
  cart: [["mobile", 72], ["desktop", 22], ["tablet", 6]],
  link: [["mobile", 86], ["desktop", 12], ["tablet", 2]],
};
// prettier-ignore
const SEARCH_REFERRERS: readonly (readonly [string | null, number])[] = [
  ["https://www.google.com/", 45], ["https://www.instagram.com/", 15], [null, 40],
];
// prettier-ignore
const SOCIAL_REFERRERS: readonly (readonly [string | null, number])[] = [
  ["https://www.instagram.com/", 45], ["https://line.me/", 25], ["https://t.co/", 15], [null, 15],
];

type Context = {
  rng: Rng;
  qrCodes: readonly PlannedQrCode[];
  archivedAt: Date;
  refs: Set<string>;
};

/** A ref no other demo click has: drawn from the seeded generator, redrawn on a clash. */
function uniqueRef({ rng, refs }: Context): string {
  for (;;) {
    let ref = "";
    for (let i = 0; i < REF_LENGTH; i++) ref += rng.pick([...REF_ALPHABET]);
    if (!refs.has(ref)) {
      refs.add(ref);
      return ref;
    }
  }
}

function popularProduct({ rng, archivedAt }: Context, at: Date): number {
  const candidates = DEMO_PRODUCTS.flatMap((product, index) =>
    product.active || at < archivedAt ? [[index, product.popularity] as const] : [],
  );
  return rng.weighted(candidates);
}

/** The code a shopper scanned: among those out at the time, the display of a product they bought if there is one. */
function scannedQrCode({ rng, qrCodes }: Context, at: Date, bought: readonly number[]): number {
  const live = qrCodes.flatMap((qrCode, index) => (isLiveAt(qrCode, at) ? [index] : []));
  const display = live.find((index) => {
    const product = qrCodes[index]?.product;
    return product != null && bought.includes(product);
  });
  if (display !== undefined && rng.chance(0.8)) return display;
  return rng.weighted(live.map((index) => [index, qrCodes[index]!.weight] as const));
}

function planClick(
  context: Context,
  source: ClickSource,
  at: Date,
  language: DemoLocale,
  bought: readonly number[],
): PlannedClick {
  const { rng } = context;
  let product: number | null = null;
  let qrCode: number | null = null;
  if (source === "qr") {
    qrCode = scannedQrCode(context, at, bought);
    product = context.qrCodes[qrCode]?.product ?? null;
  } else if (rng.chance(PRODUCT_SHARE[source])) {
    // A chat that led to an order started on the page of something in the basket.
    product = bought.length > 0 ? rng.pick(bought) : popularProduct(context, at);
  }
  const slug = product === null ? null : DEMO_PRODUCTS[product]!.slug;
  const onStoreSite = source === "widget" || source === "desktop_qr";
  return {
    ref: uniqueRef(context),
    source,
    product,
    qrCode,
    pageUrl: onStoreSite ? `${STORE_SITE}/${slug ? `products/${slug}` : ""}` : null,
    referrer:
      source === "widget"
        ? rng.weighted(SEARCH_REFERRERS)
        : source === "link"
          ? rng.weighted(SOCIAL_REFERRERS)
          : null,
    language,
    deviceClass: rng.weighted(DEVICES[source]),
    at,
  };
}

function extraClickCount(rng: Rng, source: ClickSource): number {
  const mean = CLICKS_PER_CHAT[source] - 1;
  return Math.floor(mean) + (rng.chance(mean - Math.floor(mean)) ? 1 : 0);
}

/**
 * The demo's clicks: one shortly before every chat that came with a ref (same source,
 * the shopper's language, the product they went on to buy), and more clicks that never
 * became a chat, at the same hour of a nearby day so shop-hours patterns hold.
 */
export function planClicks(
  rng: Rng,
  history: DemoHistory,
  qrCodes: readonly PlannedQrCode[],
  { start, now }: { start: Date; now: Date },
): PlannedClick[] {
  const context: Context = { rng, qrCodes, archivedAt: history.archivedAt, refs: new Set() };
  const clicks: PlannedClick[] = [];
  const attributed = history.chats.filter(
    (chat): chat is PlannedChat & { source: ClickSource } => chat.source !== "unattributed",
  );
  for (const chat of attributed) {
    const locale = history.customers[chat.customer]!.locale;
    const bought = chat.order?.items.map((item) => item.product) ?? [];
    const clickedAt = new Date(chat.at.getTime() - rng.int(8, 240) * SECOND);
    clicks.push(planClick(context, chat.source, clickedAt, locale, bought));

    for (let extra = extraClickCount(rng, chat.source); extra > 0; extra--) {
      const shift = rng.int(-3, 3) * DAY + rng.int(-40, 40) * MINUTE + rng.int(0, 59) * SECOND;
      const at = new Date(chat.at.getTime() + shift);
      if (at < start || at >= now) continue;
      const language = pickLocale(rng, chat.source === "qr");
      clicks.push(planClick(context, chat.source, at, language, []));
    }
  }
  return clicks.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function clickRows(
  plan: readonly PlannedClick[],
  ids: {
    storeId: string;
    clickIds: readonly string[];
    productIds: readonly string[];
    qrCodeIds: readonly string[];
  },
): NewClick[] {
  return plan.map((click, i) => ({
    id: ids.clickIds[i],
    storeId: ids.storeId,
    ref: click.ref,
    source: click.source,
    productId: click.product === null ? null : ids.productIds[click.product],
    qrCodeId: click.qrCode === null ? null : ids.qrCodeIds[click.qrCode],
    pageUrl: click.pageUrl,
    referrer: click.referrer,
    language: click.language,
    deviceClass: click.deviceClass,
    createdAt: click.at,
  }));
}

/** The `click` event /go records with each click (lib/attribution/clicks.ts), for each demo click. */
export function clickEvents(rows: readonly NewClick[]): NewAnalyticsEvent[] {
  return rows.map((row) => ({
    storeId: row.storeId,
    type: "click",
    source: row.source,
    properties: {
      ref: row.ref,
      click: row.id,
      product: row.productId ?? null,
      qr: row.qrCodeId ?? null,
      cart: row.cartId ?? null,
    },
    createdAt: row.createdAt,
  }));
}
