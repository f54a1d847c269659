/**
 * Migrations are append-only (docs/ARCHITECTURE.md). A database may have been migrated at any
 * commit of the project's history; upgrading it with today's files must give exactly the schema
 * a fresh database gets. Each historical state of db/migrations is read from git (see
 * tests/support/migration-history.ts), so editing a committed migration fails here.
 */
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/drivers";
import { REWRITTEN_MIGRATIONS } from "@/db/migration-repairs";
import {
  createEmptyTestDatabase,
  createTestDatabase,
  queryRows,
  testDbBackend,
} from "../support/database";
import {
  type MigrationState,
  MigrationHistory,
  sameFiles,
  writeMigrationsFolder,
} from "../support/migration-history";

const SCHEMA_QUERIES: Record<string, SQL> = {
  tables: sql`
    select table_name, table_type from information_schema.tables
    where table_schema = 'public' order by table_name`,
  columns: sql`
    select table_name, column_name, data_type, udt_name, is_nullable, column_default,
      character_maximum_length, numeric_precision, numeric_scale, is_identity, is_generated
    from information_schema.columns
    where table_schema = 'public' order by table_name, column_name`,
  indexes: sql`
    select tablename, indexname, indexdef from pg_indexes
    where schemaname = 'public' order by tablename, indexname`,
  enums: sql`
    select t.typname, array_to_string(array_agg(e.enumlabel order by e.enumsortorder), ',') as labels
    from pg_type t
    join pg_enum e on e.enumtypid = t.oid
    join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = 'public' group by t.typname order by t.typname`,
  constraints: sql`
    select c.conrelid::regclass::text as table_name, c.conname, c.contype::text as contype,
      pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace
    where n.nspname = 'public' order by 1, 2`,
  // One row per journal entry with today's hashes, as a fresh database has them (npm run
  // db:migrate counts these rows against the journal).
  appliedMigrations: sql`
    select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`,
};

async function describeSchema(db: Database): Promise<Record<string, unknown[]>> {
  const description: Record<string, unknown[]> = {};
  for (const [name, query] of Object.entries(SCHEMA_QUERIES)) {
    description[name] = await queryRows(db, query);
  }
  return description;
}

// Read at collection time: without git history the file fails here, loudly.
const history = new MigrationHistory();
const workingTree = history.workingTree();
const committed = history.committed();
const latestCommitted = committed.at(-1);
const states: MigrationState[] =
  latestCommitted && sameFiles(latestCommitted, workingTree)
    ? committed
    : [...committed, workingTree];

describe(`migration history (${testDbBackend})`, () => {
  let fresh: DatabaseHandle | undefined;
  let freshSchema: Record<string, unknown[]> = {};

  beforeAll(async () => {
    fresh = await createTestDatabase();
    freshSchema = await describeSchema(fresh.db);
  });

  afterAll(async () => {
    await fresh?.close();
  });

  it("covers the commit that added each of today's migrations", () => {
    const missing = workingTree.migrations.flatMap((migration) => {
      const commit = history.addedIn(migration.tag);
      if (!commit) return []; // not committed yet: the working-tree state covers it
      return states.some((state) => state.label.startsWith(`${commit} `))
        ? []
        : [`${migration.tag} (added in ${commit})`];
    });
    expect(missing).toEqual([]);
    expect(freshSchema.appliedMigrations).toHaveLength(workingTree.migrations.length);
  });

  it("no migration was changed or removed once committed, apart from the repaired rewrites", () => {
    const changes: string[] = [];
    for (let index = 1; index < states.length; index++) {
      const before = states[index - 1]!;
      const after = states[index]!;
      for (const earlier of before.migrations) {
        const later = after.migrations.find((migration) => migration.tag === earlier.tag);
        if (!later) {
          changes.push(`${earlier.tag} removed in ${after.label}`);
          continue;
        }
        if (later.sql === earlier.sql && later.when === earlier.when) continue;
        const repaired = REWRITTEN_MIGRATIONS.some(
          (rewrite) =>
            rewrite.tag === earlier.tag &&
            rewrite.originalWhen === earlier.when &&
            rewrite.rewrittenWhen === later.when,
        );
        if (!repaired) changes.push(`${earlier.tag} edited in ${after.label}`);
      }
    }
    expect(changes, "add a new migration instead of editing a committed one").toEqual([]);
  });

  for (const state of states) {
    it(`a database migrated at ${state.label} upgrades to the schema of a fresh one`, async () => {
      const files = writeMigrationsFolder(state);
      const database = await createEmptyTestDatabase();
      try {
        await database.migrate(files.folder);
        await database.migrate();
        expect(await describeSchema(database.db)).toEqual(freshSchema);
      } finally {
        await database.close();
        files.remove();
      }
    });
  }
});
