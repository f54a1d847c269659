/**
 * npm run db:seed [-- --now=2025-06-15T10:00:00Z] — creates the demo store "Kyoto Tea & Crafts"
 * with its owner and 90 days of history, unless it exists. Embedded PGlite (DATA_DIR) is
 * migrated first; a DATABASE_URL database must be migrated with `npm run db:migrate`.
 * With DATABASE_URL this deliberately puts a known demo sign-in on that server.
 */
import { parseArgs } from "node:util";
import { DEMO_OWNER, seedDemo } from "@/lib/demo/seed";
import { describeError, openScriptDatabase, runScript } from "./lib/database";

function parseNow(): Date | undefined {
  const { values } = parseArgs({ options: { now: { type: "string" } } });
  if (values.now === undefined) return undefined;
  const now = new Date(values.now);
  if (Number.isNaN(now.getTime()))
    throw new Error(`--now must be an ISO date, got "${values.now}"`);
  return now;
}

await runScript(async () => {
  const now = parseNow();
  const handle = await openScriptDatabase();
  try {
    if (handle.kind === "pglite") await handle.migrate();
    const startedAt = performance.now();
    const result = await seedDemo(handle.db, { now }).catch((error: unknown) => {
      const message = describeError(error);
      if (/relation "[\w.]+" does not exist/.test(message)) {
        throw new Error(
          `${message}\n  The database has no tables yet: run \`npm run db:migrate\` first.`,
        );
      }
      throw error;
    });
    const took = Math.round(performance.now() - startedAt);
    console.log(
      result.created
        ? `✓ Seeded the demo store (${result.storeId}) in ${handle.location} in ${took} ms`
        : `✓ The demo store already exists (${result.storeId}) in ${handle.location}; nothing changed`,
    );
    console.log(`  Demo sign-in: ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
  } finally {
    await handle.close();
  }
});
