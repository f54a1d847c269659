import { openPostgres } from "@/db/drivers";
import { ordersCsv } from "@/lib/analytics/export/orders";
import { conversionsCsv } from "@/lib/analytics/export/conversions";
import { parseExportQuery } from "@/lib/analytics/export/query";
const h = openPostgres("postgres://postgres@127.0.0.1:5432/chatcart_scale_probe", "127.0.0.1:5433");
const rows = (await h.db.execute("select id, slug, timezone, currency, (settings->'scaleSeed'->>'now') as now from stores where slug = 'scale-1'")) as unknown as { rows: any[] };
const store = rows.rows[0];
const q = parseExportQuery(new URLSearchParams("range=custom&from=" + new Date(Date.parse(store.now) - 364 * 864e5).toISOString().slice(0, 10) + "&to=" + store.now.slice(0, 10)), store.timezone, new Date());
if (!q.ok) throw new Error(q.message);
for (const [name, build] of [["conversions", conversionsCsv], ["orders", ordersCsv]] as const) {
  const t = performance.now();
  const text = await new Response(build(h.db, store, q.window)).text();
  console.log(name, text.split("\r\n").length - 2, "rows", ((performance.now() - t) / 1000).toFixed(1), "s", (text.length / 2 ** 20).toFixed(1), "MiB", process.memoryUsage().rss / 2 ** 20 | 0, "MiB rss");
  console.log(text.split("\r\n").slice(0, 3).join("\n"));
}
await h.close();
