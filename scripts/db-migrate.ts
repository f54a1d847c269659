/**
 * npm run db:migrate — applies db/migrations to the database named by DATABASE_URL
 * (or to the embedded PGlite under DATA_DIR when it is unset) and says what it did.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, MIGRATIONS_FOLDER } from "@/db/drivers";
import { openScriptDatabase, runScript } from "./lib/database";

type Journal = { entries: { idx: number; tag: string }[] };

async function countAppliedMigrations(db: Database): Promise<number> {
  try {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`drizzle.__drizzle_migrations`);
    return Number(row?.n ?? 0);
  } catch {
    return 0; // never migrated: drizzle creates its bookkeeping table on the first run
  }
}

await runScript(async () => {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
  ) as Journal;
  const handle = await openScriptDatabase();
  try {
    console.log(
      `Migrating ${handle.kind === "pglite" ? "the embedded PGlite at " : ""}${handle.location}`,
    );
    const before = await countAppliedMigrations(handle.db);
    const startedAt = performance.now();
    await handle.migrate();
    const after = await countAppliedMigrations(handle.db);
    const applied = journal.entries.slice(before, after).map((entry) => entry.tag);
    const took = Math.round(performance.now() - startedAt);
    console.log(
      applied.length > 0
        ? `✓ Applied ${applied.length} migration(s) in ${took} ms: ${applied.join(", ")}`
        : `✓ Already up to date (${after} migration(s) applied)`,
    );
  } finally {
    await handle.close();
  }
});
