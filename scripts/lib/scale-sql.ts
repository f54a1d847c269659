import { type SQL, sql } from "drizzle-orm";

/**
 * SQL building blocks for the scaled store (scripts/lib/seed-scale.ts). Every row is a pure
 * function of its number `g`: ids are md5(store:kind:g) as uuids, so a table can point at
 * "customer 17" or "order 3,210" without a lookup, and "random" choices are hashes of
 * (g, salt) — the same scale and `now` always give the same rows.
 */
export type ScalePlan = {
  storeId: string;
  /** First instant of the 12 months. */
  start: Date;
  now: Date;
  customers: number;
  conversations: number;
  clicks: number;
  orders: number;
  carts: number;
  ledger: number;
  events: number;
  products: number;
  qrCodes: number;
};

/** The id of row `g` of `kind` in this store. */
export function uid(plan: ScalePlan, kind: string, g: SQL | string): SQL {
  const n = typeof g === "string" ? sql.raw(g) : g;
  return sql`md5(${plan.storeId}::text || ${`:${kind}:`} || (${n})::text)::uuid`;
}

/** A uniform number in [0, 1) from row `g` and `salt` (0–63): independent across salts. */
export function frac(g: SQL | string, salt: number): SQL {
  const n = typeof g === "string" ? sql.raw(g) : g;
  return sql`((hashint8((${n})::bigint * 64 + ${salt})::bigint + 2147483648)::float8 / 4294967296)`;
}

/** 1..count from row `g` and `salt`. */
export function pickIndex(g: SQL | string, salt: number, count: number): SQL {
  return sql`(1 + floor(${frac(g, salt)} * ${count})::int)`;
}

/** An instant of the 12 months, busier towards the end (the store is growing). */
export function instantOf(plan: ScalePlan, g: SQL | string, salt: number): SQL {
  const span = (plan.now.getTime() - plan.start.getTime()) / 1000;
  return sql`(${plan.start.toISOString()}::timestamptz + sqrt(${frac(g, salt)}) * ${span} * interval '1 second')`;
}

export const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** Picks by cumulative weights: [["widget", 0.3], ["qr", 0.25], …] (the last takes the rest). */
export function weighted(value: SQL, choices: readonly (readonly [string, number])[]): SQL {
  let cumulative = 0;
  const branches = choices.slice(0, -1).map(([choice, weight]) => {
    cumulative += weight;
    return sql`when ${value} < ${cumulative} then ${choice}`;
  });
  const last = choices.at(-1)![0];
  return sql`(case ${sql.join(branches, sql` `)} else ${last} end)`;
}

/** Phone numbers by country (E.164), a traveller-heavy mix for a Kyoto shop. */
export function phoneOf(k: string): SQL {
  const n = sql.raw(`lpad(${k}::text, 8, '0')`);
  return sql`(case
    when ${frac(k, 20)} < 0.40 then '+8190' || ${n}
    when ${frac(k, 20)} < 0.55 then '+1212' || (2000000 + ${sql.raw(k)} % 7000000)::text
    when ${frac(k, 20)} < 0.65 then '+86138' || ${n}
    when ${frac(k, 20)} < 0.73 then '+8210' || ${n}
    when ${frac(k, 20)} < 0.80 then '+8869' || ${n}
    when ${frac(k, 20)} < 0.85 then '+4474' || ${n}
    when ${frac(k, 20)} < 0.90 then '+614' || ${n}
    when ${frac(k, 20)} < 0.95 then '+336' || ${n}
    else '+658' || lpad((${sql.raw(k)} % 10000000)::text, 7, '0') end)`;
}

/** Customer k is a loyalty member (40%). */
export const isMember = (k: SQL | string) =>
  sql`((${typeof k === "string" ? sql.raw(k) : k}) % 5 < 2)`;
