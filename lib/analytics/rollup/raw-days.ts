import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { PAID_STATUSES } from "../filters";
import { dayStart } from "./local-days";

/**
 * The daily figures of one store computed from the raw rows, for a set of its local days:
 * `days` names a relation with `day` (date), `day_start` and `day_end` (the day's first
 * instant and the next day's, in the store's time zone). `tick` stores these rows as the
 * rollups; a read computes them the same way for the days not (or no longer) rolled up. One
 * builder for both, so a rolled-up day and a raw one can never count differently.
 *
 * Each day is joined as an instant range, so the raw rows are found through the
 * `(store_id, created_at|paid_at, …)` indexes whatever the number of days.
 */

/** Columns of `analytics_activity_days` after store_id, in this order. */
export const ACTIVITY_COLUMNS = sql.raw(
  "day, source, qr_code_id, product_id, currency, clicks, chats, orders, paid_orders, revenue_minor",
);

/** Columns of `analytics_product_days` after store_id, in this order. */
export const PRODUCT_COLUMNS = sql.raw(
  "day, product_id, currency, orders, paid_orders, units, revenue_minor",
);

const PAID = sql.raw(`(${PAID_STATUSES.map((status) => `'${status}'`).join(", ")})`);

export function rawActivityDays(storeId: string, days: SQL): SQL {
  const inDay = (column: string) =>
    sql.raw(`r.${column} >= d.day_start and r.${column} < d.day_end`);
  // Per day, through `lateral`: a nested loop over the days, each an index range scan, which
  // costs nothing when no day is listed (the planner cannot know that of a CTE).
  const perDay = (figures: SQL) =>
    sql`select d.day, x.* from ${days} d cross join lateral (${figures}) x`;
  return sql`
    ${perDay(sql`select r.source::text, r.qr_code_id, null::uuid, null::text,
      count(*)::int, 0, 0, 0, 0::bigint
      from clicks r where r.store_id = ${storeId} and ${inDay("created_at")}
      group by 1, 2`)}
    union all
    ${perDay(sql`select r.source, r.qr_code_id, r.product_id, null::text, 0, count(*)::int, 0, 0, 0::bigint
      from conversations r where r.store_id = ${storeId} and ${inDay("created_at")}
      group by 1, 2, 3`)}
    union all
    ${perDay(sql`select r.source, r.qr_code_id, null::uuid, null::text, 0, 0, count(*)::int, 0, 0::bigint
      from orders r where r.store_id = ${storeId} and ${inDay("created_at")}
      group by 1, 2`)}
    union all
    ${perDay(sql`select r.source, r.qr_code_id, null::uuid, r.currency, 0, 0, 0, count(*)::int,
        sum(r.total_minor - r.refunded_minor)::bigint
      from orders r where r.store_id = ${storeId} and ${inDay("paid_at")} and r.status in ${PAID}
      group by 1, 2, 4`)}`;
}

/**
 * Per day and product: orders created with a line of it; and for orders paid that day, per
 * currency, paid orders, units and net revenue split over the lines — each order's net
 * revenue (total − refunded) in proportion to the line totals, rounded down, the remainder to
 * the largest line (then the first by id), so the products add up exactly to the orders.
 */
export function rawProductDays(storeId: string, days: SQL): SQL {
  return sql`
    select d.day, x.* from ${days} d cross join lateral (
      select i.product_id, null::text, count(distinct o.id)::int, 0, 0::bigint, 0::bigint
      from orders o join order_items i on i.order_id = o.id and i.store_id = o.store_id
      where o.store_id = ${storeId} and o.created_at >= d.day_start and o.created_at < d.day_end
      group by 1
    ) x
    union all
    select d.day, x.* from ${days} d cross join lateral (
      select product_id, currency, 0, count(distinct order_id)::int, sum(quantity)::bigint,
        sum(revenue)::bigint
      from (
        select order_id, product_id, currency, quantity,
          share + case when place = 1 then net - sum(share) over (partition by order_id) else 0 end
            as revenue
        from (
          select *, case when lines_total > 0 then net * line_total / lines_total else 0 end as share
          from (
            select i.order_id, i.product_id, o.currency, i.quantity,
              -- bigint throughout, so the division rounds down (never numeric).
              (o.total_minor - o.refunded_minor)::bigint as net,
              i.line_total_minor::bigint as line_total,
              (sum(i.line_total_minor) over (partition by i.order_id))::bigint as lines_total,
              row_number() over (
                partition by i.order_id order by i.line_total_minor desc, i.id
              ) as place
            from orders o join order_items i on i.order_id = o.id and i.store_id = o.store_id
            where o.store_id = ${storeId} and o.paid_at >= d.day_start and o.paid_at < d.day_end
              and o.status in ${PAID}
          ) paid_lines
        ) shares
      ) allocated
      group by 1, 2
    ) x`;
}

/** `days` as a relation of (day, day_start, day_end) for the local days listed. */
export function daysOf(timezone: string, list: SQL): SQL {
  return sql`(select day, ${dayStart(timezone, sql`day`)} as day_start,
      ${dayStart(timezone, sql`day + 1`)} as day_end
    from (${list}) listed(day))`;
}
