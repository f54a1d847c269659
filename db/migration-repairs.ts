/**
 * Bookkeeping repairs that run before drizzle's migrator, for committed migrations that were
 * later rewritten (which must not happen again: see "Migrations are append-only" in
 * docs/ARCHITECTURE.md).
 *
 * Drizzle's migrator looks only at the newest `created_at` in drizzle.__drizzle_migrations and
 * runs every journal entry whose `when` is later. Rewriting a migration gave it a new `when`, so
 * a database that ran the original would run the rewrite again and fail on its first CREATE
 * TYPE. Recording the rewrite as applied in place of the original lets the migrator go on with
 * the next migration, which adds (IF NOT EXISTS) whatever the rewrite added.
 */
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

type RewrittenMigration = {
  tag: string;
  /** The journal `when` the migration was first committed with. */
  originalWhen: number;
  /** The journal `when` it has had since it was rewritten. */
  rewrittenWhen: number;
};

export const REWRITTEN_MIGRATIONS: readonly RewrittenMigration[] = [
  {
    // adaa462 added it; 0398d36 added four indexes to it, which 0003_reapply_0002_indexes
    // creates on databases that ran the original.
    tag: "0002_whatsapp_messaging",
    originalWhen: 1796196477601,
    rewrittenWhen: 1796198281546,
  },
];

type AnyPgDatabase = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

async function hasMigrationsTable(db: AnyPgDatabase): Promise<boolean> {
  const result = (await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  )) as unknown as { rows: { present: boolean }[] };
  return Boolean(result.rows[0]?.present);
}

/**
 * Replaces the bookkeeping row of each original migration with its rewrite (hash and
 * `created_at`), when the journal in `migrationsFolder` holds the rewrite. Idempotent; a
 * database that never ran an original is left alone.
 */
export async function repairRewrittenMigrations(
  db: AnyPgDatabase,
  migrationsFolder: string,
): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const pending = REWRITTEN_MIGRATIONS.flatMap((rewrite) => {
    const current = migrations.find(
      (migration) => migration.folderMillis === rewrite.rewrittenWhen,
    );
    return current ? [{ ...rewrite, hash: current.hash }] : [];
  });
  if (pending.length === 0 || !(await hasMigrationsTable(db))) return;
  for (const rewrite of pending) {
    await db.execute(sql`
      update drizzle.__drizzle_migrations
      set hash = ${rewrite.hash}, created_at = ${rewrite.rewrittenWhen}
      where created_at = ${rewrite.originalWhen}
        and not exists (
          select 1 from drizzle.__drizzle_migrations where created_at = ${rewrite.rewrittenWhen}
        )
    `);
  }
}
