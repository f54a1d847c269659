import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneCountry } from "@/lib/analytics/export/country";
import { scalePlan, seedScaleStore, type SeedScaleResult } from "@/scripts/lib/seed-scale";
import { queryRows, setupTestDatabase, testDbBackend } from "../support/database";

const db = setupTestDatabase();
const SCALE = 0.002;
const now = new Date("2026-11-20T03:00:00Z");
let seeded: SeedScaleResult;

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await queryRows<T>(db(), query))[0]!;
}

/** Rows that break an invariant: each query must return none. */
async function violations(query: ReturnType<typeof sql>): Promise<unknown[]> {
  return queryRows(db(), query);
}

beforeAll(async () => {
  seeded = await seedScaleStore(db(), { scale: SCALE, now });
}, 300_000);

describe(`scaled store generator [${testDbBackend}]`, () => {
  it("leaves the analytics rollups built, with no change waiting", async () => {
    const [state] = await queryRows<{ timezone: string }>(
      db(),
      sql`select timezone from analytics_rollup_state where store_id = ${seeded.storeId}`,
    );
    expect(state?.timezone).toBe("Asia/Tokyo");
    const counts = await one<{ changes: number; days: number }>(sql`
      select (select count(*)::int from analytics_changes where store_id = ${seeded.storeId}) as changes,
        (select count(*)::int from analytics_activity_days where store_id = ${seeded.storeId}) as days`);
    expect(counts.changes).toBe(0);
    expect(counts.days).toBeGreaterThan(300);
  });

  it("makes the planned volume over 12 months", async () => {
    const plan = scalePlan(seeded.storeId, SCALE, now);
    expect(seeded.created).toBe(true);
    expect(seeded.counts).toMatchObject({
      customers: 100,
      clicks: 600,
      orders: 200,
      carts: 60,
      loyalty_ledger: 400,
      events: 2000,
      conversations: plan.conversations,
    });
    const S = seeded.storeId;
    const span = await one<{ first: string; last: string }>(sql`
      select min(created_at)::text as first, max(created_at)::text as last from events where store_id = ${S}`);
    expect(new Date(span.first).getTime()).toBeGreaterThanOrEqual(plan.start.getTime());
    expect(new Date(span.last).getTime()).toBeLessThanOrEqual(now.getTime());
    const mix = await one<{
      sources: number;
      paid: number;
      refunded: number;
      recovered: number;
      qr: number;
    }>(sql`
      select count(distinct source)::int as sources,
        count(*) filter (where status = 'paid')::int as paid,
        count(*) filter (where status = 'refunded')::int as refunded,
        count(*) filter (where recovery_id is not null)::int as recovered,
        count(distinct qr_code_id)::int as qr
      from orders where store_id = ${S}`);
    expect(mix.sources).toBeGreaterThanOrEqual(6);
    expect(mix.paid).toBeGreaterThan(0);
    expect(mix.refunded).toBeGreaterThan(0);
    expect(mix.recovered).toBeGreaterThan(0);
    expect(mix.qr).toBeGreaterThan(1);
    const phones = await queryRows<{ phone: string }>(
      db(),
      sql`select phone from customers where store_id = ${S}`,
    );
    const countries = new Set(phones.map(({ phone }) => phoneCountry(phone)));
    expect(countries.has("unknown")).toBe(false);
    expect(countries.size).toBeGreaterThanOrEqual(6);
  });

  it("keeps orders consistent with their conversations, clicks, customers and items", async () => {
    const S = seeded.storeId;
    expect(
      await violations(sql`select o.number from orders o
        left join conversations c on c.id = o.conversation_id and c.store_id = o.store_id
        left join clicks k on k.id = o.click_id and k.store_id = o.store_id
        where o.store_id = ${S} and (c.id is null or c.customer_id is distinct from o.customer_id
          or c.source <> o.source or c.qr_code_id is distinct from o.qr_code_id
          or c.click_id is distinct from o.click_id or o.ref is distinct from k.ref
          or (o.source = 'qr') <> (o.qr_code_id is not null)
          or (c.click_id is not null and k.source <> c.source))`),
    ).toEqual([]);
    expect(
      await violations(sql`select o.number from orders o
        where o.store_id = ${S} and (o.total_minor <> o.subtotal_minor - o.discount_minor
          or o.subtotal_minor <> (select sum(line_total_minor) from order_items i where i.order_id = o.id)
          or o.refunded_minor > o.total_minor or (o.status = 'refunded') <> (o.refunded_minor = o.total_minor and o.paid_at is not null)
          or (o.paid_at is not null) <> (o.status in ('paid', 'refunded')) or o.paid_at < o.created_at)`),
    ).toEqual([]);
    expect(
      await violations(sql`select cu.id from customers cu where cu.store_id = ${S}
        and cu.created_at <> (select min(created_at) from conversations c where c.customer_id = cu.id)`),
    ).toEqual([]);
  });

  it("earns points exactly for members' paid orders, and balances equal the ledger", async () => {
    const S = seeded.storeId;
    expect(
      await violations(sql`select o.number from orders o
        left join loyalty_accounts a on a.store_id = o.store_id and a.customer_id = o.customer_id
        left join loyalty_ledger l on l.store_id = o.store_id and l.order_id = o.id and l.reason = 'earn'
        where o.store_id = ${S} and (
          (l.id is not null) <> (a.id is not null and o.status in ('paid', 'refunded') and o.total_minor >= 100)
          or l.delta <> o.total_minor / 100 or (o.points_redeemed > 0 and a.id is null))`),
    ).toEqual([]);
    expect(
      await violations(sql`select a.id from loyalty_accounts a where a.store_id = ${S}
        and a.balance <> (select coalesce(sum(delta), 0) from loyalty_ledger l where l.account_id = a.id)`),
    ).toEqual([]);
    const members = await one<{ n: number }>(
      sql`select count(*)::int as n from loyalty_accounts where store_id = ${S}`,
    );
    expect(members.n).toBe(40);
  });

  it("ties recovered orders to their recovery, step and cart", async () => {
    const S = seeded.storeId;
    expect(
      await violations(sql`select o.number from orders o
        left join recoveries r on r.id = o.recovery_id
        left join carts c on c.id = o.cart_id
        where o.store_id = ${S} and o.recovery_id is not null and (r.status <> 'recovered'
          or r.recovered_order_id <> o.id or r.recovered_step <> o.recovery_step
          or c.status <> 'recovered' or r.cart_id <> c.id or o.status not in ('paid', 'refunded'))`),
    ).toEqual([]);
    expect(
      await violations(sql`select r.id from recoveries r where r.store_id = ${S} and r.status = 'recovered'
        and not exists (select 1 from orders o where o.recovery_id = r.id)`),
    ).toEqual([]);
  });

  it("writes about three messages per conversation, with replies, hand-offs and failures", async () => {
    const S = seeded.storeId;
    const plan = scalePlan(S, SCALE, now);
    expect(seeded.counts.messages).toBeGreaterThan(plan.conversations * 2.5);
    expect(seeded.counts.messages).toBeLessThan(plan.conversations * 3.5);
    // The customer's first message opens the conversation; nothing after now; last_message_at.
    expect(
      await violations(sql`select c.id from conversations c where c.store_id = ${S} and (
          not exists (select 1 from messages m where m.conversation_id = c.id
            and m.direction = 'inbound' and m.created_at = c.created_at)
          or exists (select 1 from messages m where m.conversation_id = c.id
            and (m.created_at < c.created_at or m.created_at > ${now.toISOString()}::timestamptz))
          or c.last_message_at <> (select max(created_at) from messages m where m.conversation_id = c.id)
          or (c.status = 'agent' and c.handed_off_at is null))`),
    ).toEqual([]);
    expect(
      await violations(sql`select m.id from messages m
        join conversations c on c.id = m.conversation_id
        where m.store_id = ${S} and (m.customer_id <> c.customer_id
          or (m.direction = 'inbound') <> (m.author = 'customer' and m.status = 'received')
          or (m.status = 'failed') <> (m.error_code in (131026, 131047) and m.error_reason is not null)
          or (m.status = 'blocked') <> (m.wa_message_id is null)
          or (m.status = 'blocked' and m.error_reason is null)
          or (m.author in ('agent', 'business_app') and m.created_at < c.handed_off_at)
          or (m.author in ('agent', 'business_app') and c.handed_off_at is null))`),
    ).toEqual([]);
    const mix = await one<{
      bot: number;
      people: number;
      failed: number;
      read: number;
      handed_off: number;
    }>(sql`
      select count(*) filter (where author = 'bot')::int as bot,
        count(*) filter (where author in ('agent', 'business_app'))::int as people,
        count(*) filter (where status = 'failed')::int as failed,
        count(*) filter (where status = 'read')::int as read,
        (select count(*)::int from conversations where store_id = ${S} and handed_off_at is not null) as handed_off
      from messages where store_id = ${S}`);
    expect(mix.bot).toBeGreaterThanOrEqual(plan.conversations - 1);
    expect(mix.handed_off).toBeGreaterThan(plan.conversations * 0.05);
    expect(mix.handed_off).toBeLessThan(plan.conversations * 0.2);
    expect(mix.people).toBeGreaterThan(0);
    expect(mix.people).toBeLessThanOrEqual(mix.handed_off);
    expect(mix.failed).toBeGreaterThan(0);
    expect(mix.read).toBeGreaterThan(mix.bot / 3);
  });

  it("reuses the store on a second run, and leaves other stores alone", async () => {
    const again = await seedScaleStore(db(), { scale: SCALE, now });
    expect(again).toMatchObject({ created: false, storeId: seeded.storeId });
    const other = await seedScaleStore(db(), { scale: SCALE, now, slug: "scale-other" });
    expect(other.storeId).not.toBe(seeded.storeId);
    const [orders] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from orders where store_id = ${seeded.storeId}`,
    );
    expect(orders!.n).toBe(200);
  });
});
