import "server-only";
import {
  type AnyColumn,
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  isNotNull,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { customers, loyaltyAccounts, loyaltyLedger, orders } from "@/db/schema";
import { formatPhoneNumber } from "@/lib/stores/profile-schema";
import { addMonths } from "./calculate";
import { TIER_KEYS } from "./rules";

export const MEMBERS_PAGE_SIZE = 25;
export const MEMBER_SORTS = ["name", "balance", "spend", "activity", "tier"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export const membersQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(MEMBER_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type MembersQuery = z.output<typeof membersQuerySchema>;

export type MemberRow = {
  customerId: string;
  name: string | null;
  /** Masked: the full number stays in the inbox. */
  phone: string | null;
  tier: string;
  balance: number;
  pending: number;
  available: number;
  spendMinor: number;
  lastActivityAt: Date | null;
};

/** "+81 90 1234 4567" → "+81 •• •••• 4567": the country code and last four digits only. */
export function maskPhone(formatted: string | null): string | null {
  if (!formatted) return null;
  const groups = formatted.trim().split(/\s+/);
  if (groups.length < 3) {
    const digits = formatted.replace(/\D/g, "");
    return digits.length <= 4 ? formatted : `•••• ${digits.slice(-4)}`;
  }
  return groups
    .map((group, index) =>
      index === 0 || index === groups.length - 1 ? group : group.replace(/\d/g, "•"),
    )
    .join(" ");
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

function searchCondition(text: string): SQL | undefined {
  const normalized = text.normalize("NFKC").trim();
  if (!normalized) return undefined;
  const digits = normalized.replace(/\D/g, "");
  const conditions = [ilike(customers.name, `%${likeEscape(normalized)}%`)];
  if (digits.length >= 3) {
    conditions.push(
      sql`regexp_replace(coalesce(${customers.phone}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}`,
    );
  }
  return or(...conditions);
}

/**
 * One page of a store's members (joined accounts) with balances at `now` and 12 months'
 * paid spend. Search by name or phone digits; sorted by the chosen column, then by name.
 */
export async function listMembers(
  db: Database,
  storeId: string,
  query: MembersQuery,
  now: Date,
  pageSize = MEMBERS_PAGE_SIZE,
) {
  const pending = sql<string>`(select coalesce(sum(${loyaltyLedger.delta}), 0) from ${loyaltyLedger} where ${loyaltyLedger.accountId} = ${loyaltyAccounts.id} and ${loyaltyLedger.availableAt} > ${now})`;
  const spend = sql<string>`(select coalesce(sum(${orders.totalMinor} - ${orders.refundedMinor}), 0) from ${orders} where ${orders.storeId} = ${loyaltyAccounts.storeId} and ${orders.customerId} = ${loyaltyAccounts.customerId} and ${orders.status} in ('paid', 'refunded') and ${orders.paidAt} > ${addMonths(now, -12)} and ${orders.paidAt} <= ${now})`;
  const where = and(
    eq(loyaltyAccounts.storeId, storeId),
    isNotNull(loyaltyAccounts.joinedAt),
    query.q ? searchCondition(query.q) : undefined,
  );
  const from = () =>
    db
      .select({
        customerId: loyaltyAccounts.customerId,
        name: customers.name,
        phone: customers.phone,
        tier: loyaltyAccounts.tier,
        balance: loyaltyAccounts.balance,
        pending,
        spend,
        lastActivityAt: loyaltyAccounts.lastActivityAt,
      })
      .from(loyaltyAccounts)
      .innerJoin(
        customers,
        and(eq(customers.id, loyaltyAccounts.customerId), eq(customers.storeId, storeId)),
      );
  const sortColumn: Record<MemberSort, SQL | AnyColumn> = {
    name: sql`lower(coalesce(${customers.name}, ${customers.phone}, ''))`,
    balance: loyaltyAccounts.balance,
    spend,
    activity: sql`coalesce(${loyaltyAccounts.lastActivityAt}, ${loyaltyAccounts.createdAt})`,
    // Tiers in their order, not their keys' alphabetical one.
    tier: sql`array_position(array[${sql.raw(TIER_KEYS.map((key) => `'${key}'`).join(","))}]::text[], ${loyaltyAccounts.tier})`,
  };
  const sort = query.sort ?? "activity";
  const direction = (query.dir ?? (sort === "name" ? "asc" : "desc")) === "asc" ? asc : desc;
  const [totalRow] = await db
    .select({ total: count() })
    .from(loyaltyAccounts)
    .innerJoin(
      customers,
      and(eq(customers.id, loyaltyAccounts.customerId), eq(customers.storeId, storeId)),
    )
    .where(where);
  const total = Number(totalRow?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page ?? 1, pageCount);
  const rows = await from()
    .where(where)
    .orderBy(direction(sortColumn[sort]), asc(customers.name), asc(loyaltyAccounts.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const members: MemberRow[] = rows.map((row) => {
    const pendingPoints = Math.max(0, Number(row.pending));
    return {
      customerId: row.customerId,
      name: row.name,
      phone: row.phone ? maskPhone(formatPhoneNumber(row.phone)) : null,
      tier: row.tier,
      balance: row.balance,
      pending: pendingPoints,
      available: row.balance - pendingPoints,
      spendMinor: Number(row.spend),
      lastActivityAt: row.lastActivityAt,
    };
  });
  return { rows: members, total, page, pageCount, sort, dir: query.dir };
}
