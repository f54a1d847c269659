import { sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { frac, instantOf, isMember, pickIndex, type ScalePlan, ts, uid } from "./scale-sql";

async function count(tx: Database, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await tx.execute(query)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Carts: 35% abandoned without an order (or still active); the rest belong to order 3g−1:
 * paid → converted, or recovered by a reminder (30%: the order carries the recovery and its
 * step); unpaid → abandoned. Every abandoned or recovered cart has its recovery and steps.
 */
export async function insertCartsAndRecoveries(tx: Database, plan: ScalePlan): Promise<void> {
  const S = plan.storeId;
  const pure = sql`${frac("g", 30)} < 0.35`;
  await tx.execute(sql`insert into carts (id, store_id, token, customer_id, status, language, created_at, updated_at, abandoned_at)
    select ${uid(plan, "cart", "g")}, ${S}, md5(${S}::text || ':cart-token:' || g),
      coalesce(o.customer_id, ${uid(plan, "customer", pickIndex("g", 31, plan.customers))}),
      st::cart_status, 'ja', created, created + interval '1 hour',
      case when st in ('abandoned', 'recovered') then created + interval '1 hour' end
    from generate_series(1, ${plan.carts}) g
    left join orders o on not (${pure}) and o.id = ${uid(plan, "order", "3 * g - 1")},
    lateral (select
      case when o.id is null then (case when ${frac("g", 33)} < 0.25 then 'active' else 'abandoned' end)
        when o.status in ('paid', 'refunded') then (case when ${frac("g", 34)} < 0.3 then 'recovered' else 'converted' end)
        else 'abandoned' end as st,
      coalesce(o.created_at - interval '2 hours', ${instantOf(plan, "g", 32)}) as created) x`);
  await tx.execute(sql`insert into cart_items (store_id, cart_id, product_id, quantity, created_at, updated_at)
    select ${S}, c.id, ${uid(plan, "product", pickIndex("g", 35, plan.products))}, 1 + g % 2, c.created_at, c.created_at
    from generate_series(1, ${plan.carts}) g join carts c on c.id = ${uid(plan, "cart", "g")}`);

  await tx.execute(sql`insert into recoveries (id, store_id, customer_id, cart_id, order_id, status, stop_reason,
      abandoned_at, value_minor, currency, recovered_order_id, recovered_step, recovered_at, ended_at, created_at, updated_at)
    select ${uid(plan, "recovery", "g")}, ${S}, c.customer_id, c.id, o.id, st::recovery_status,
      case when st = 'stopped' then 'opted_out' end, c.abandoned_at,
      coalesce(o.total_minor, 3000), 'JPY',
      case when st = 'recovered' then o.id end,
      case when st = 'recovered' then 1 + (${frac("g", 36)} < 0.3)::int end,
      case when st = 'recovered' then o.paid_at end,
      case when st = 'recovered' then o.paid_at when c.abandoned_at < ${ts(plan.now)} - interval '3 days'
        then c.abandoned_at + interval '3 days' end,
      c.abandoned_at, c.abandoned_at
    from generate_series(1, ${plan.carts}) g
    join carts c on c.id = ${uid(plan, "cart", "g")} and c.status in ('abandoned', 'recovered')
    left join orders o on o.id = ${uid(plan, "order", "3 * g - 1")} and not (${pure}),
    lateral (select case when c.status = 'recovered' then 'recovered'
      when c.abandoned_at >= ${ts(plan.now)} - interval '3 days' then 'active'
      when ${frac("g", 37)} < 0.2 then 'stopped' else 'lost' end as st) x`);
  await tx.execute(sql`update orders o set recovery_id = r.id, recovery_step = r.recovered_step, cart_id = r.cart_id
    from recoveries r where r.store_id = ${S} and r.recovered_order_id = o.id and o.store_id = ${S}`);
  await tx.execute(sql`update orders o set cart_id = c.id
    from generate_series(1, ${plan.carts}) g join carts c on c.id = ${uid(plan, "cart", "g")} and c.status = 'converted'
    where o.id = ${uid(plan, "order", "3 * g - 1")} and o.store_id = ${S}`);
  // Step 1 for every recovery (skipped when the shopper had opted out), step 2 when it won.
  await tx.execute(sql`insert into recovery_steps (store_id, recovery_id, step, status, due_at, reason, channel, decided_at, created_at)
    select ${S}, r.id, s.step,
      (case when r.status = 'stopped' then 'skipped' else 'sent' end)::recovery_step_status,
      r.abandoned_at + s.step * interval '1 hour', case when r.status = 'stopped' then 'opted_out' end,
      'whatsapp', r.abandoned_at + s.step * interval '1 hour', r.abandoned_at
    from recoveries r, lateral (values (1), (2)) s(step)
    where r.store_id = ${S} and (s.step = 1 or r.recovered_step = 2)`);
}

/**
 * The programme; an account for every member (customer k with k mod 5 < 2); ledger rows
 * from the orders (signup, earn for paid ones, redeem, reversal of refunds), topped up with
 * adjustments and expiries to the plan's count; balances set to the ledger's sums.
 */
export async function insertLoyalty(tx: Database, plan: ScalePlan): Promise<void> {
  const S = plan.storeId;
  await tx.execute(
    sql`insert into loyalty_programs (store_id, enabled, name) values (${S}, true, 'Tea points')`,
  );
  await tx.execute(sql`insert into loyalty_accounts (id, store_id, customer_id, invited_at, joined_at, tier, created_at, updated_at)
    select ${uid(plan, "account", "k")}, ${S}, cu.id, cu.created_at, cu.created_at + interval '10 minutes',
      case when ${frac("k", 40)} < 0.05 then 'gold' when ${frac("k", 40)} < 0.2 then 'silver' else 'member' end,
      cu.created_at, cu.created_at
    from generate_series(1, ${plan.customers}) k join customers cu on cu.id = ${uid(plan, "customer", "k")}
    where ${isMember("k")}`);
  const ledger = sql`insert into loyalty_ledger (store_id, account_id, customer_id, delta, reason, order_id, cause_key, available_at, created_at)`;
  await tx.execute(sql`${ledger}
    select ${S}, a.id, a.customer_id, 100, 'signup', null, 'signup:' || a.id, a.joined_at, a.joined_at
    from loyalty_accounts a where a.store_id = ${S}`);
  await tx.execute(sql`${ledger}
    select ${S}, a.id, a.customer_id, o.total_minor / 100, 'earn', o.id, 'earn:' || o.id, o.paid_at, o.paid_at
    from orders o join loyalty_accounts a on a.store_id = ${S} and a.customer_id = o.customer_id
    where o.store_id = ${S} and o.status in ('paid', 'refunded') and o.total_minor >= 100`);
  await tx.execute(sql`${ledger}
    select ${S}, a.id, a.customer_id, -o.points_redeemed, 'redeem', o.id, 'redeem:' || o.id, o.created_at, o.created_at
    from orders o join loyalty_accounts a on a.store_id = ${S} and a.customer_id = o.customer_id
    where o.store_id = ${S} and o.points_redeemed > 0`);
  await tx.execute(sql`${ledger}
    select ${S}, l.account_id, l.customer_id, -(l.delta * o.refunded_minor / o.total_minor), 'reversal', o.id,
      'reversal:' || o.id || ':' || o.refunded_minor, o.refunded_at, o.refunded_at
    from orders o join loyalty_ledger l on l.store_id = ${S} and l.order_id = o.id and l.reason = 'earn'
    where o.store_id = ${S} and o.refunded_minor > 0 and l.delta * o.refunded_minor / o.total_minor > 0`);
  const rows = await count(
    tx,
    sql`select count(*)::int as n from loyalty_ledger where store_id = ${S}`,
  );
  await tx.execute(sql`${ledger}
    select ${S}, a.id, a.customer_id,
      case when g % 4 = 0 then -(1 + g % 10) else 5 + g % 50 end,
      (case when g % 4 = 0 then 'expire' else 'adjust' end)::loyalty_reason, null, 'scale-fill:' || g, at, at
    from generate_series(1, ${Math.max(0, plan.ledger - rows)}) g
    join (select id, customer_id, joined_at, row_number() over (order by id) as rn
          from loyalty_accounts where store_id = ${S}) a
      on a.rn = (g - 1) % (select count(*) from loyalty_accounts where store_id = ${S}) + 1,
    lateral (select a.joined_at + ${frac("g", 41)} * (${ts(plan.now)} - a.joined_at) as at) t`);
  await tx.execute(sql`update loyalty_accounts a set balance = s.balance, last_activity_at = s.last_activity
    from (select account_id, sum(delta)::int as balance,
            max(created_at) filter (where reason in ('earn', 'redeem')) as last_activity
          from loyalty_ledger where store_id = ${S} group by account_id) s
    where a.id = s.account_id and a.store_id = ${S}`);
}

/**
 * The event log the product would have written for these rows, topped up with repeat opens
 * of payment links (link_opened) to the plan's count.
 */
export async function insertEvents(tx: Database, plan: ScalePlan): Promise<void> {
  const S = plan.storeId;
  const into = sql`insert into events (store_id, type, source, customer_id, order_id, properties, created_at)`;
  await tx.execute(sql`${into}
    select ${S}, 'click', source, null, null, jsonb_build_object('ref', ref), created_at
    from clicks where store_id = ${S}`);
  await tx.execute(sql`${into}
    select ${S}, 'chat_started', source, customer_id, null, '{}', created_at
    from conversations where store_id = ${S}`);
  await tx.execute(sql`${into}
    select ${S}, t.type, o.source, o.customer_id, o.id, jsonb_build_object('amountMinor', o.total_minor), t.at
    from orders o, lateral (values ('order_created', o.created_at), ('link_sent', o.created_at),
      ('order_paid', o.paid_at), ('order_refunded', o.refunded_at)) t(type, at)
    where o.store_id = ${S} and t.at is not null`);
  await tx.execute(sql`${into}
    select ${S}, 'points_earned', null, customer_id, order_id, jsonb_build_object('points', delta), created_at
    from loyalty_ledger where store_id = ${S} and reason = 'earn'`);
  await tx.execute(sql`${into}
    select ${S}, t.type, null, r.customer_id, r.recovered_order_id,
      jsonb_build_object('recoveryId', r.id, 'valueMinor', r.value_minor), t.at
    from recoveries r, lateral (values ('cart_abandoned', r.abandoned_at), ('cart_recovered', r.recovered_at)) t(type, at)
    where r.store_id = ${S} and t.at is not null`);
  await tx.execute(sql`${into}
    select ${S}, 'reminder_sent', null, r.customer_id, null,
      jsonb_build_object('recoveryId', r.id, 'step', s.step, 'channel', s.channel), s.decided_at
    from recovery_steps s join recoveries r on r.id = s.recovery_id
    where s.store_id = ${S} and s.status = 'sent'`);
  const rows = await count(tx, sql`select count(*)::int as n from events where store_id = ${S}`);
  await tx.execute(sql`${into}
    select ${S}, 'link_opened', o.source, o.customer_id, o.id, '{}',
      least(o.created_at + (1 + ${frac("g", 42)} * 600) * interval '1 minute', ${ts(plan.now)})
    from generate_series(1, ${Math.max(0, plan.events - rows)}) g
    join orders o on o.id = ${uid(plan, "order", sql`(g - 1) % ${plan.orders} + 1`)}`);
}
