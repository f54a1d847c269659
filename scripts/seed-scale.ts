/**
 * npm run db:seed-scale -- --scale 1 [--url postgres://…] [--slug scale-1] [--now ISO]
 * One store with realistic volume over 12 months, for benchmarks (scripts/lib/seed-scale.ts):
 * at scale 1, 1,000,000 events, 300,000 clicks, 100,000 orders, 50,000 customers, 200,000
 * ledger rows, 30,000 carts and 65,000 conversations with about 200,000 messages. With --url it goes through the Neon driver and a local
 * WebSocket proxy (DATABASE_WS_PROXY, or one started here), the production code path;
 * without, to the app's database (DATABASE_URL or the embedded PGlite). The database must be
 * migrated. A store with the slug already there is reused.
 */
import { parseArgs } from "node:util";
import { type DatabaseHandle, openPostgres } from "@/db/drivers";
import { startWsTcpProxy, type WsTcpProxy } from "@/lib/db-proxy/ws-tcp-proxy";
import { SCALE_OWNER_PASSWORD, seedScaleStore } from "./lib/seed-scale";
import { openScriptDatabase, runScript } from "./lib/database";

await runScript(async () => {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      url: { type: "string" },
      slug: { type: "string" },
      now: { type: "string" },
    },
  });
  const scale = Number(values.scale);
  if (!Number.isFinite(scale)) throw new Error(`--scale must be a number, got "${values.scale}"`);
  const now = values.now ? new Date(values.now) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date`);

  let proxy: WsTcpProxy | undefined;
  let handle: DatabaseHandle;
  if (values.url) {
    let address = process.env.DATABASE_WS_PROXY;
    if (!address) {
      proxy = await startWsTcpProxy({ port: 0 });
      address = proxy.address;
    }
    handle = openPostgres(values.url, address);
  } else {
    handle = await openScriptDatabase();
  }
  try {
    const startedAt = performance.now();
    const result = await seedScaleStore(handle.db, { scale, now, slug: values.slug });
    const took = ((performance.now() - startedAt) / 1000).toFixed(1);
    if (!result.created) {
      console.log(
        `✓ The scaled store "${result.slug}" (${result.storeId}) already exists; reused as it is`,
      );
    } else {
      console.log(
        `✓ Seeded "${result.slug}" (${result.storeId}) in ${handle.location} in ${took} s`,
      );
      for (const [table, rows] of Object.entries(result.counts)) {
        console.log(`  ${table.padEnd(16)} ${rows.toLocaleString("en")}`);
      }
    }
    console.log(`  Sign-in: ${result.ownerEmail} / ${SCALE_OWNER_PASSWORD}`);
  } finally {
    await handle.close();
    await proxy?.close();
  }
});
