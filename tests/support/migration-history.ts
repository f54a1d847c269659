/**
 * The migration files (journal + SQL) as they were at every commit that changed them, read
 * from git, for tests/db/migration-history.test.ts. Needs the full history: a shallow clone
 * or a missing git is an error, never a reason to skip.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "@/db/drivers";

type JournalEntry = { idx: number; when: number; tag: string };
type Journal = { entries: JournalEntry[] };

export type MigrationFile = { tag: string; when: number; sql: string };

export type MigrationState = {
  /** e.g. "0398d36 Indexes for the inbox…" or "the working tree". */
  label: string;
  journal: string;
  migrations: MigrationFile[];
};

const HISTORY_NEEDED =
  "The migration history test needs git and the repository's full history " +
  "(in CI: a full clone, e.g. actions/checkout with fetch-depth: 0).";

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`\`git ${args.join(" ")}\` failed: ${String(error)}\n${HISTORY_NEEDED}`);
  }
}

function parseMigrations(journal: string, readSql: (tag: string) => string): MigrationFile[] {
  return (JSON.parse(journal) as Journal).entries.map((entry) => ({
    tag: entry.tag,
    when: entry.when,
    sql: readSql(entry.tag),
  }));
}

export class MigrationHistory {
  private readonly root: string;
  /** MIGRATIONS_FOLDER relative to the repository root, with forward slashes. */
  private readonly folder: string;

  constructor() {
    this.root = git(process.cwd(), ["rev-parse", "--show-toplevel"]).trim();
    if (git(this.root, ["rev-parse", "--is-shallow-repository"]).trim() === "true") {
      throw new Error(`This clone is shallow. ${HISTORY_NEEDED}`);
    }
    this.folder = path.relative(this.root, MIGRATIONS_FOLDER).split(path.sep).join("/");
  }

  private show(commit: string, file: string): string {
    return git(this.root, ["show", `${commit}:${this.folder}/${file}`]);
  }

  /** Today's files, uncommitted changes included. */
  workingTree(): MigrationState {
    const journal = readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8");
    return {
      label: "the working tree",
      journal,
      migrations: parseMigrations(journal, (tag) =>
        readFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), "utf8"),
      ),
    };
  }

  /** Oldest first: every commit on HEAD's history that changed the journal or a migration. */
  committed(): MigrationState[] {
    const log = git(this.root, [
      "log",
      "--reverse",
      "--format=%h %s",
      "--",
      `${this.folder}/meta/_journal.json`,
      `${this.folder}/*.sql`,
    ]);
    const commits = log.split("\n").filter(Boolean);
    if (commits.length === 0)
      throw new Error(`No commit touches ${this.folder}. ${HISTORY_NEEDED}`);
    return commits.map((line) => {
      const commit = line.slice(0, line.indexOf(" "));
      const journal = this.show(commit, "meta/_journal.json");
      return {
        label: line.length > 60 ? `${line.slice(0, 59)}…` : line,
        journal,
        migrations: parseMigrations(journal, (tag) => this.show(commit, `${tag}.sql`)),
      };
    });
  }

  /** The commit that added `tag`'s SQL file, or undefined while it is uncommitted. */
  addedIn(tag: string): string | undefined {
    const log = git(this.root, [
      "log",
      "--diff-filter=A",
      "--format=%h",
      "--",
      `${this.folder}/${tag}.sql`,
    ]);
    return log.split("\n").filter(Boolean).at(-1);
  }
}

export function sameFiles(a: MigrationState, b: MigrationState): boolean {
  return a.journal === b.journal && JSON.stringify(a.migrations) === JSON.stringify(b.migrations);
}

/** Writes `state` as a migrations folder drizzle's migrator can read; returns its path. */
export function writeMigrationsFolder(state: MigrationState): {
  folder: string;
  remove: () => void;
} {
  const folder = mkdtempSync(path.join(tmpdir(), "chatcart-migrations-"));
  mkdirSync(path.join(folder, "meta"));
  writeFileSync(path.join(folder, "meta", "_journal.json"), state.journal);
  for (const migration of state.migrations) {
    writeFileSync(path.join(folder, `${migration.tag}.sql`), migration.sql);
  }
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
