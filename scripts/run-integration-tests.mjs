#!/usr/bin/env node
/**
 * `npm run test:integration`: the integration tests on every database backend available.
 *   1. integration:pglite   — always (in-memory embedded Postgres).
 *   2. integration:postgres — when TEST_DATABASE_URL is set (a real PostgreSQL server, reached
 *      through the Neon serverless driver and a local WebSocket proxy).
 * In CI (CI set) a missing TEST_DATABASE_URL is an error: CI must test real PostgreSQL.
 * Extra arguments are passed to vitest (e.g. a file filter).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");
const extraArgs = process.argv.slice(2);
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";

function banner(lines) {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = "!".repeat(width);
  console.log(
    ["", rule, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), rule, ""].join("\n"),
  );
}

/** Runs one vitest project; returns counts read from vitest's JSON report. */
function runProject(project) {
  const reportDir = mkdtempSync(path.join(tmpdir(), "chatcart-vitest-"));
  const reportFile = path.join(reportDir, "report.json");
  console.log(`\n=== ${project} ===`);
  const run = spawnSync(
    process.execPath,
    [
      vitestBin,
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reportFile}`,
      ...extraArgs,
    ],
    { cwd: root, stdio: "inherit", env: process.env },
  );
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let reported = false;
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, "utf8"));
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    reported = true;
  }
  rmSync(reportDir, { recursive: true, force: true });
  const problems = [];
  if (run.status !== 0) problems.push(`vitest exited with ${run.status ?? run.signal}`);
  if (!reported) problems.push("no report was written");
  else if (passed === 0) problems.push("no tests passed");
  return { project, passed, failed, skipped, ok: problems.length === 0 && failed === 0, problems };
}

const results = [runProject("integration:pglite")];

if (process.env.TEST_DATABASE_URL) {
  results.push(runProject("integration:postgres"));
} else {
  banner([
    "integration:postgres was NOT run: TEST_DATABASE_URL is not set.",
    "The database tests ran on embedded PGlite only, not on a real PostgreSQL server",
    "through the Neon driver (the production code path). To run them too:",
    "  TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:integration",
    "(any server where this user may create and drop databases; each test file gets its own).",
    ...(inCi ? ["", "CI is set: CI must test real PostgreSQL. Failing."] : []),
  ]);
}

console.log("\nIntegration tests by database backend:");
for (const result of results) {
  const skipped = result.skipped ? `, ${result.skipped} skipped` : "";
  const problems = result.problems.length ? ` (${result.problems.join("; ")})` : "";
  console.log(
    `  ${result.project} — ${result.passed} passed, ${result.failed} failed${skipped}${problems}`,
  );
}
if (!process.env.TEST_DATABASE_URL)
  console.log("  integration:postgres — NOT RUN (TEST_DATABASE_URL not set)");
const totalPassed = results.reduce((sum, result) => sum + result.passed, 0);
const totalFailed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${totalPassed} passed, ${totalFailed} failed`);

const missingPostgresInCi = inCi && !process.env.TEST_DATABASE_URL;
process.exit(results.every((result) => result.ok) && !missingPostgresInCi ? 0 : 1);
