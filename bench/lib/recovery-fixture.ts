/**
 * The recovery benchmark's store, made with generate_series: `count` opted-in customers
 * inside the 24-hour window, each with a conversation and an abandoned cart (one product,
 * 1–3 of it) whose recovery started 61 minutes ago, step 1 due a minute ago and steps 2 and 3
 * scheduled for later — as markAbandoned and startRecovery would have left them.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { defaultRecoverySettings } from "@/lib/recovery/settings";

export const BENCH_STORE_SLUG = "bench-recovery";
export const BENCH_PHONE_NUMBER_ID = "100000000000777";

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Quiet hours far from `now` (UTC), so no step of the run waits for the night to end. */
export function quietHoursAwayFrom(now: Date): { start: string; end: string } {
  const start = (now.getUTCHours() + 8) % 24;
  return { start: `${pad(start)}:00`, end: `${pad((start + 2) % 24)}:00` };
}

export async function createRecoveryBenchStore(
  db: Database,
  count: number,
  now: Date,
): Promise<string> {
  const [store] = await rows<{ id: string }>(
    db,
    sql`insert into stores (slug, name, whatsapp_number, whatsapp_phone_number_id, currency,
        timezone, default_language, created_at, updated_at)
      values (${BENCH_STORE_SLUG}, 'Recovery bench', '+15550007777', ${BENCH_PHONE_NUMBER_ID},
        'JPY', 'UTC', 'en', ${now}::timestamptz - interval '90 days', ${now}::timestamptz - interval '90 days')
      returning id`,
  );
  const storeId = store!.id;
  const settings = { ...defaultRecoverySettings(), quietHours: quietHoursAwayFrom(now) };
  await db.execute(sql`insert into recovery_programs (store_id, enabled, settings)
    values (${storeId}, true, ${JSON.stringify(settings)}::jsonb)`);
  const [product] = await rows<{ id: string }>(
    db,
    sql`insert into products (store_id, slug, sku, name, price_minor, currency)
      values (${storeId}, 'matcha', 'MT-1', 'Matcha', 3200, 'JPY') returning id`,
  );
  await db.execute(sql`insert into customers (store_id, wa_id, phone, name, locale, opted_in_at,
      last_inbound_at, created_at)
    select ${storeId}, '8177' || lpad(i::text, 8, '0'), '+8177' || lpad(i::text, 8, '0'),
      'Shopper ' || i, 'en', ${now}::timestamptz - interval '30 days',
      ${now}::timestamptz - interval '2 hours', ${now}::timestamptz - interval '30 days'
    from generate_series(1, ${count}) i`);
  await db.execute(sql`insert into conversations (store_id, customer_id, language, last_message_at, created_at)
    select store_id, id, 'en', last_inbound_at, created_at from customers where store_id = ${storeId}`);
  await db.execute(sql`insert into carts (store_id, token, customer_id, status, language,
      abandoned_at, created_at, updated_at)
    select store_id, 'bench-' || wa_id, id, 'abandoned', 'en',
      ${now}::timestamptz - interval '61 minutes', ${now}::timestamptz - interval '2 hours',
      ${now}::timestamptz - interval '2 hours'
    from customers where store_id = ${storeId}`);
  await db.execute(sql`insert into cart_items (store_id, cart_id, product_id, quantity)
    select store_id, id, ${product!.id}, 1 + (abs(hashtext(token)) % 3) from carts where store_id = ${storeId}`);
  await db.execute(sql`insert into recoveries (store_id, customer_id, cart_id, abandoned_at,
      value_minor, currency, created_at, updated_at)
    select c.store_id, c.customer_id, c.id, c.abandoned_at, 3200 * i.quantity, 'JPY',
      c.abandoned_at, c.abandoned_at
    from carts c join cart_items i on i.cart_id = c.id where c.store_id = ${storeId}`);
  const delays = settings.steps.map((step) => step.delayMinutes);
  await db.execute(sql`insert into recovery_steps (store_id, recovery_id, step, due_at, created_at)
    select r.store_id, r.id, s.step, r.abandoned_at + (d.delays[s.step] || ' minutes')::interval,
      r.abandoned_at
    from recoveries r
    cross join (select ${`{${delays.join(",")}}`}::int[] as delays) d
    cross join generate_series(1, ${delays.length}) s(step)
    where r.store_id = ${storeId}`);
  await db.execute(sql`analyze`);
  return storeId;
}

export async function countDueSteps(db: Database, now: Date): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from recovery_steps
      where status in ('scheduled', 'waiting') and due_at <= ${now}`,
  );
  return row!.n;
}

/** What the steps of the bench store became, by status. */
export async function stepStatuses(db: Database, storeId: string) {
  return rows<{ status: string; reason: string | null; n: number }>(
    db,
    sql`select status, reason, count(*)::int as n from recovery_steps where store_id = ${storeId}
      group by status, reason order by status, reason`,
  );
}
