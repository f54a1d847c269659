import { z } from "zod";
import { ORDER_SOURCES, ORDER_VIEW_STATUSES } from "./status";

export const ORDER_SEARCH_MAX_LENGTH = 100;
export const ORDERS_PAGE_SIZE = 25;
const MAX_PAGE = 10_000;

/** A calendar day as the date input sends it; the list reads it in the store's time zone. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  });

const FIELDS = {
  status: z.enum(ORDER_VIEW_STATUSES),
  source: z.enum(ORDER_SOURCES),
  from: day,
  to: day,
  q: z.string().trim().max(ORDER_SEARCH_MAX_LENGTH),
  page: z.coerce.number().int().min(1).max(MAX_PAGE),
};

export type OrdersQuery = {
  status?: z.output<typeof FIELDS.status>;
  source?: z.output<typeof FIELDS.source>;
  from?: string;
  to?: string;
  q?: string;
  page: number;
};

/** A query field the page could not use, named so the page can say why in words. */
export type OrdersQueryProblem = keyof typeof FIELDS | "range";

/**
 * The Orders page's search params. Each field is checked on its own: a bad one is left out
 * and named in `problems` (the page says so), the rest still filter — never a 500.
 */
export function parseOrdersQuery(raw: Record<string, string | string[] | undefined>): {
  query: OrdersQuery;
  problems: OrdersQueryProblem[];
} {
  const query: OrdersQuery = { page: 1 };
  const problems: OrdersQueryProblem[] = [];
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const value = raw[key];
    if (value === undefined || value === "") continue;
    const parsed = FIELDS[key].safeParse(Array.isArray(value) ? value[0] : value);
    if (!parsed.success) {
      problems.push(key);
      continue;
    }
    if (key === "q") {
      if (parsed.data !== "") query.q = parsed.data as string;
    } else {
      Object.assign(query, { [key]: parsed.data });
    }
  }
  if (query.from && query.to && query.from > query.to) {
    problems.push("range");
    delete query.from;
    delete query.to;
  }
  return { query, problems };
}

/** The query as search params (for pagination and filter links), without empty fields. */
export function ordersQueryParams(query: Partial<OrdersQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["status", "source", "from", "to", "q"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page && query.page > 1) params.set("page", String(query.page));
  return params;
}
