import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { storeMembers, stores, users } from "@/db/schema";
import { refreshStoreRollups } from "@/lib/analytics/rollup/refresh";
import { hashPassword } from "@/lib/auth/password";
import { insertMessages } from "./seed-scale-messages";
import { insertCartsAndRecoveries, insertEvents, insertLoyalty } from "./seed-scale-more";
import {
  frac,
  instantOf,
  isMember,
  phoneOf,
  pickIndex,
  type ScalePlan,
  ts,
  uid,
  weighted,
} from "./scale-sql";

/** Rows at scale 1 (one store, 12 months): the volume the dashboard must stay fast on. */
export const SCALE_ONE = {
  events: 1_000_000,
  clicks: 300_000,
  orders: 100_000,
  customers: 50_000,
  ledger: 200_000,
  carts: 30_000,
} as const;

export const SCALE_OWNER_PASSWORD = "scale-store-owner";
const DAY = 86_400_000;

export type SeedScaleOptions = { scale: number; now?: Date; slug?: string };
export type SeedScaleResult = {
  storeId: string;
  slug: string;
  created: boolean;
  ownerEmail: string;
  counts: Record<string, number>;
};

export function scaleSlug(scale: number): string {
  return `scale-${String(scale).replace(/[^0-9]/g, "-")}`;
}

export function scalePlan(storeId: string, scale: number, now: Date): ScalePlan {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const customers = n(SCALE_ONE.customers);
  return {
    storeId,
    start: new Date(now.getTime() - 365 * DAY),
    now,
    customers,
    conversations: Math.round(customers * 1.3),
    clicks: Math.max(n(SCALE_ONE.clicks), Math.round(customers * 1.3)),
    orders: n(SCALE_ONE.orders),
    carts: Math.min(n(SCALE_ONE.carts), Math.floor(n(SCALE_ONE.orders) / 3)),
    ledger: n(SCALE_ONE.ledger),
    events: n(SCALE_ONE.events),
    products: 20,
    qrCodes: 12,
  };
}

const PRODUCT_NAMES = ["Uji matcha", "Sencha", "Hojicha", "Tea bowl", "Chasen whisk"];
const QR_NAMES = ["Shop card — Gion store", "Shop card — Arashiyama", "Counter display", "Flyer"];

/**
 * One store with realistic volume over 12 months (see SCALE_ONE), made with set-based SQL
 * in one transaction: either the whole store exists or none of it. A store with the slug
 * already there is reused as it is.
 */
export async function seedScaleStore(
  db: Database,
  options: SeedScaleOptions,
): Promise<SeedScaleResult> {
  if (!(options.scale > 0 && options.scale <= 10)) throw new Error("--scale must be in (0, 10]");
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 3_600_000) * 3_600_000);
  const slug = options.slug ?? scaleSlug(options.scale);
  const ownerEmail = `owner@${slug}.scale.chatcart.test`;
  const [existing] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, slug));
  if (existing) {
    return { storeId: existing.id, slug, created: false, ownerEmail, counts: {} };
  }
  const passwordHash = await hashPassword(SCALE_OWNER_PASSWORD, 4);
  const result = await db.transaction(async (tx) => {
    const [store] = await tx
      .insert(stores)
      .values({
        slug,
        name: `Scale store ×${options.scale}`,
        whatsappNumber: "+81751234567",
        currency: "JPY",
        timezone: "Asia/Tokyo",
        defaultLanguage: "ja",
        languages: ["ja", "en"],
        settings: { scaleSeed: { scale: options.scale, now: now.toISOString() } },
      })
      .returning({ id: stores.id });
    const plan = scalePlan(store!.id, options.scale, now);
    const [owner] = await tx
      .insert(users)
      .values({ email: ownerEmail, passwordHash })
      .onConflictDoUpdate({ target: users.email, set: { passwordHash } })
      .returning({ id: users.id });
    await tx
      .insert(storeMembers)
      .values({ storeId: plan.storeId, userId: owner!.id, role: "owner" });
    await insertCatalogAndPeople(tx, plan);
    await insertOrders(tx, plan);
    await insertMessages(tx, plan);
    await insertCartsAndRecoveries(tx, plan);
    await insertLoyalty(tx, plan);
    await insertEvents(tx, plan);
    const counts = await countRows(tx, plan.storeId);
    return { storeId: plan.storeId, slug, created: true, ownerEmail, counts };
  });
  // The analytics rollups, as the first tick would build them (lib/analytics/rollup).
  await refreshStoreRollups(db, result.storeId);
  // As autovacuum would after a bulk load: statistics (without them the planner guesses,
  // badly) and the visibility map (without it no index-only scan is used).
  await db.execute(sql.raw(`vacuum (analyze) ${ANALYZED_TABLES.join(", ")}`));
  return result;
}

const ANALYZED_TABLES = [
  "customers",
  "clicks",
  "conversations",
  "messages",
  "orders",
  "order_items",
  "carts",
  "cart_items",
  "recoveries",
  "recovery_steps",
  "loyalty_accounts",
  "loyalty_ledger",
  "events",
  "analytics_changes",
  "analytics_activity_days",
  "analytics_product_days",
];

async function insertCatalogAndPeople(tx: Database, plan: ScalePlan): Promise<void> {
  const S = plan.storeId;
  await tx.execute(sql`insert into products (id, store_id, slug, sku, name, price_minor, currency)
    select ${uid(plan, "product", "p")}, ${S}, 'scale-product-' || p, 'SC-' || p,
      (array[${sql.join(PRODUCT_NAMES, sql`, `)}])[1 + p % ${PRODUCT_NAMES.length}] || ' ' || p,
      500 * (1 + p % 12), 'JPY'
    from generate_series(1, ${plan.products}) p`);
  await tx.execute(sql`insert into qr_codes (id, store_id, code, name, created_at)
    select ${uid(plan, "qr", "q")}, ${S}, 'scale' || q,
      (array[${sql.join(QR_NAMES, sql`, `)}])[1 + q % ${QR_NAMES.length}] || ' ' || q, ${ts(plan.start)}
    from generate_series(1, ${plan.qrCodes}) q`);
  // created_at is set from the first conversation below.
  await tx.execute(sql`insert into customers (id, store_id, wa_id, phone, name, locale, opted_in_at, created_at)
    select ${uid(plan, "customer", "k")}, ${S}, substr(${phoneOf("k")}, 2), ${phoneOf("k")},
      'Scale shopper ' || k, case when ${frac("k", 21)} < 0.5 then 'ja' else 'en' end,
      case when ${frac("k", 22)} < 0.6 then ${ts(plan.start)} end, ${ts(plan.now)}
    from generate_series(1, ${plan.customers}) k`);

  const source = weighted(frac("g", 2), [
    ["widget", 0.3],
    ["product_button", 0.2],
    ["desktop_qr", 0.05],
    ["qr", 0.25],
    ["cart", 0.05],
    ["link", 0.15],
  ]);
  await tx.execute(sql`insert into clicks (id, store_id, ref, source, product_id, qr_code_id, language, device_class, created_at)
    select ${uid(plan, "click", "g")}, ${S}, 'S' || g, src,
      case when src in ('widget', 'product_button', 'desktop_qr') then ${uid(plan, "product", pickIndex("g", 4, plan.products))} end,
      case when src = 'qr' then ${uid(plan, "qr", pickIndex("g", 3, plan.qrCodes))} end,
      case when ${frac("g", 21)} < 0.5 then 'ja' else 'en' end,
      case when src = 'desktop_qr' then 'desktop' else 'mobile' end, ${instantOf(plan, "g", 1)}
    from generate_series(1, ${plan.clicks}) g, lateral (select ${source} as src) s`);

  // Conversation g follows click g (85%), or came from an ad or nowhere; customer k = g mod C.
  // Closed: insertMessages hands some recent ones to a person, and sets last_message_at.
  await tx.execute(sql`insert into conversations (id, store_id, customer_id, status, source, click_id, product_id, qr_code_id, language, last_message_at, created_at)
    select ${uid(plan, "conversation", "g")}, ${S}, ${uid(plan, "customer", sql`(g - 1) % ${plan.customers} + 1`)},
      'closed',
      case when attributed then c.source when ${frac("g", 5)} < 0.9 then 'ad' else 'unattributed' end,
      case when attributed then c.id end, case when attributed then c.product_id end,
      case when attributed then c.qr_code_id end, c.language, at, at
    from generate_series(1, ${plan.conversations}) g
    join clicks c on c.id = ${uid(plan, "click", "g")},
    lateral (select ${frac("g", 5)} < 0.85 as attributed,
      least(c.created_at + (1 + ${frac("g", 6)} * 10) * interval '1 minute', ${ts(plan.now)}) as at) x`);
  await tx.execute(sql`update customers cu set created_at = f.first_at, last_inbound_at = f.last_at
    from (select customer_id, min(created_at) as first_at, max(created_at) as last_at
          from conversations where store_id = ${S} group by customer_id) f
    where cu.id = f.customer_id and cu.store_id = ${S}`);
}

async function insertOrders(tx: Database, plan: ScalePlan): Promise<void> {
  const S = plan.storeId;
  const j = sql`((g - 1) % ${plan.conversations} + 1)`;
  const k = sql`((${j} - 1) % ${plan.customers} + 1)`;
  const status = weighted(frac("g", 7), [
    ["paid", 0.7],
    ["refunded", 0.05],
    ["pending", 0.15],
    ["cancelled", 0.1],
  ]);
  // Order g comes from conversation j (each has one or two); items a (and b), qty 1–3.
  await tx.execute(sql`insert into orders (id, store_id, number, customer_id, status, currency,
      subtotal_minor, discount_minor, total_minor, points_redeemed, source, origin, conversation_id,
      click_id, qr_code_id, product_id, ref, language, refunded_minor, refunded_at, created_at, paid_at, updated_at)
    select ${uid(plan, "order", "g")}, ${S}, 'SC-' || g, c.customer_id, st::order_status, 'JPY',
      subtotal, redeemed, subtotal - redeemed, redeemed, c.source, 'seed', c.id, c.click_id,
      c.qr_code_id, c.product_id, k.ref, c.language,
      case when st = 'refunded' then subtotal - redeemed
        when st = 'paid' and ${frac("g", 12)} < 0.04 then (subtotal - redeemed) / 2 else 0 end,
      case when st = 'refunded' or (st = 'paid' and ${frac("g", 12)} < 0.04) then paid end,
      created, case when st in ('paid', 'refunded') then paid end, created
    from generate_series(1, ${plan.orders}) g
    join conversations c on c.id = ${uid(plan, "conversation", j)}
    left join clicks k on k.id = c.click_id
    join products pa on pa.id = ${uid(plan, "product", pickIndex("g", 9, plan.products))}
    join products pb on pb.id = ${uid(plan, "product", pickIndex("g", 10, plan.products))},
    lateral (select ${status} as st,
      pa.price_minor * (1 + (g % 3)) + case when ${frac("g", 8)} < 0.35 then pb.price_minor else 0 end as subtotal,
      case when ${isMember(k)} and ${frac("g", 11)} < 0.15 then 50 + floor(${frac("g", 13)} * 200)::int else 0 end as redeemed,
      least(c.created_at + ((g - 1) / ${plan.conversations}) * interval '9 days'
        + (5 + ${frac("g", 14)} * 60) * interval '1 minute', ${ts(plan.now)} - interval '3 hours') as created) o,
    lateral (select o.created + (2 + ${frac("g", 15)} * 118) * interval '1 minute' as paid) p
    `);
  await tx.execute(sql`insert into order_items (store_id, order_id, product_id, name, unit_price_minor, quantity, line_total_minor)
    select ${S}, o.id, p.id, p.name, p.price_minor, qty, p.price_minor * qty
    from orders o, lateral (select substr(o.number, 4)::int as g) n,
    lateral (values (${uid(plan, "product", pickIndex("n.g", 9, plan.products))}, 1 + n.g % 3, true),
      (${uid(plan, "product", pickIndex("n.g", 10, plan.products))}, 1, ${frac("n.g", 8)} < 0.35)) l(product_id, qty, present)
    join products p on p.id = l.product_id
    where o.store_id = ${S} and l.present`);
}

async function countRows(tx: Database, storeId: string): Promise<Record<string, number>> {
  const tables = [
    "events",
    "clicks",
    "orders",
    "customers",
    "loyalty_ledger",
    "carts",
    "conversations",
    "messages",
    "recoveries",
  ];
  const result = await tx.execute(
    sql.raw(
      `select ${tables.map((t) => `(select count(*)::int from ${t} where store_id = '${storeId}') as ${t}`).join(", ")}`,
    ),
  );
  return (result as unknown as { rows: Record<string, number>[] }).rows[0]!;
}
