import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { EXPORT_PAGE_SIZE, ordersCsv } from "@/lib/analytics/export/orders";
import { windowOf } from "@/lib/analytics/range";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";

const db = setupTestDatabase();
// 100,000 on PostgreSQL as the issue asks; fewer on the in-process PGlite, which is slower.
const ORDERS = testDbBackend === "postgres" ? 100_000 : 20_000;
/** Retained heap an export may add, whatever its size (all 100,000 rows would take far more). */
const HEAP_BOUND = 8 * 2 ** 20;
const window = windowOf({ from: "2026-01-01", to: "2026-01-31" }, "Asia/Tokyo");

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
function retainedHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

let store: Awaited<ReturnType<typeof createOwnerWithStore>>["store"];

beforeAll(async () => {
  ({ store } = await createOwnerWithStore(db(), { timezone: "Asia/Tokyo" }));
  await db().execute(sql`
    insert into orders (store_id, number, status, currency, subtotal_minor, total_minor,
      source, ref, created_at, paid_at)
    select ${store.id}, 'S-' || g, case when g % 3 = 0 then 'pending' else 'paid' end::order_status,
      'JPY', 1000 + g % 5000, 1000 + g % 5000, 'widget', 'R' || g,
      ${window.start.toISOString()}::timestamptz + (g * interval '25 seconds'),
      case when g % 3 = 0 then null
        else ${window.start.toISOString()}::timestamptz + (g * interval '25 seconds') end
    from generate_series(1, ${ORDERS}) g`);
  await db().execute(sql`
    insert into order_items (store_id, order_id, name, unit_price_minor, quantity, line_total_minor)
    select store_id, id, '抹茶 ' || number, total_minor, 1, total_minor
    from orders where store_id = ${store.id}`);
}, 300_000);

describe(`orders export streaming [${testDbBackend}]`, () => {
  it(`streams ${ORDERS.toLocaleString("en")} orders one page at a time in bounded memory`, async () => {
    let pagesRead = 0;
    let rowsRead = 0;
    const baseline = retainedHeap();
    const stream = ordersCsv(db(), store, window, {
      onPage: (rows) => {
        pagesRead += 1;
        rowsRead += rows;
      },
    });
    const reader = stream.getReader();

    const header = await reader.read();
    expect(pagesRead).toBe(0);
    const firstPage = await reader.read();
    // The first rows arrive after one page was read, not after the whole export.
    expect(pagesRead).toBe(1);
    expect(rowsRead).toBe(EXPORT_PAGE_SIZE);

    let lines = 0;
    let bytes = 0;
    let peak = 0;
    const count = (chunk: Uint8Array) => {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 0x0a) lines += 1;
    };
    count(header.value!);
    count(firstPage.value!);
    let chunks = 2;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      count(next.value);
      chunks += 1;
      // The reader pulls; the export never runs more than one page ahead of it.
      expect(rowsRead).toBeLessThanOrEqual((chunks - 1) * EXPORT_PAGE_SIZE);
      if (chunks % 10 === 0) peak = Math.max(peak, retainedHeap() - baseline);
    }
    expect(lines).toBe(ORDERS + 1);
    expect(rowsRead).toBe(ORDERS);
    expect(pagesRead).toBe(Math.floor(ORDERS / EXPORT_PAGE_SIZE) + 1);
    expect(peak).toBeLessThan(HEAP_BOUND);
    console.log(
      `[export streaming ${testDbBackend}] ${ORDERS} orders, ${(bytes / 2 ** 20).toFixed(1)} MiB of CSV, ` +
        `peak retained heap growth ${(peak / 2 ** 20).toFixed(1)} MiB`,
    );
  }, 600_000);
});
