/**
 * globalSetup of the e2e project: `next build` (skip with E2E_SKIP_BUILD=1 when iterating),
 * then `next start` on a free port with a fresh temporary DATA_DIR (embedded PGlite,
 * migrated and seeded on first start) and production secrets generated for this run.
 * Tests read the base URL with inject("e2eBaseUrl"); server output goes to test-results/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { e2eSkipReason, printBanner } from "./browser";
import "../../support/provided-context";

const root = path.resolve(import.meta.dirname, "../../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverLog = path.join(root, "test-results", "e2e-server.log");
const STARTUP_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(),
      );
    });
  });
}

function runNextBuild(): Promise<void> {
  const started = Date.now();
  console.log("[e2e] next build …");
  const build = spawn(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  return new Promise((resolve, reject) => {
    build.once("error", reject);
    build.once("exit", (code, signal) => {
      if (code === 0) {
        console.log(`[e2e] next build finished in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
      } else {
        reject(new Error(`next build failed (${code ?? signal}); see its output above`));
      }
    });
  });
}

async function waitUntilAnswering(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `next start exited (${server.exitCode ?? server.signalCode}); see ${serverLog}`,
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "manual" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(
    `next start did not answer ${url} within ${STARTUP_TIMEOUT_MS / 1000} s; see ${serverLog}`,
  );
}

/** Stops the server's whole process group (next start may fork workers). */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || !server.pid) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  const timer = setTimeout(() => server.pid && process.kill(-server.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export type RunningServer = {
  baseUrl: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * `next start` of the existing build on a free port with production secrets and its own
 * DATA_DIR (unless `env` overrides them). Does not wait for it to answer.
 */
export async function launchNextServer(options: {
  env?: Record<string, string | undefined>;
  logFile?: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    AUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // The demo store has no WhatsApp token: its chats run in the simulator, which signs
    // its webhooks with the platform's app secret (32 hex characters, like Meta's).
    WHATSAPP_SANDBOX: "on",
    // Production seeds the demo store only when asked (lib/demo/policy.ts).
    SEED_DEMO: "1",
    WHATSAPP_APP_SECRET: randomBytes(16).toString("hex"),
    // No Stripe key: payment links open the local test checkout, as in a demo.
    STRIPE_SANDBOX: "on",
    // Payment links are made by the bot with no request at hand: they take this origin.
    APP_URL: `http://127.0.0.1:${port}`,
  };
  // The embedded database unless the caller says otherwise, whatever the shell has set.
  delete env.DATABASE_URL;
  delete env.DATABASE_WS_PROXY;
  Object.assign(env, options.env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];

  const server = spawn(
    process.execPath,
    [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const log = options.logFile ? createWriteStream(options.logFile) : undefined;
  for (const stream of [server.stdout, server.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      log?.write(chunk);
    });
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    process: server,
    output: () => output,
    stop: async () => {
      await stopServer(server);
      log?.end();
    },
  };
}

/** Resolves with the exit code once the server process ends. */
export function serverExit(server: RunningServer): Promise<number | null> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

export { waitUntilAnswering };

export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const skipReason = e2eSkipReason();
  if (skipReason) {
    printBanner(["END-TO-END TESTS SKIPPED (this is not CI):", skipReason]);
    project.provide("e2eBaseUrl", "");
    project.provide("e2eDataDir", "");
    return undefined;
  }

  if (process.env.E2E_SKIP_BUILD === "1")
    console.log("[e2e] E2E_SKIP_BUILD=1: using the existing .next build");
  else await runNextBuild();

  const dataDir = mkdtempSync(path.join(tmpdir(), "chatcart-e2e-"));
  mkdirSync(path.dirname(serverLog), { recursive: true });
  const server = await launchNextServer({ env: { DATA_DIR: dataDir }, logFile: serverLog });
  const teardown = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  try {
    await waitUntilAnswering(`${server.baseUrl}/`, server.process);
  } catch (error) {
    await teardown();
    throw error;
  }
  console.log(
    `[e2e] next start answering at ${server.baseUrl} after ${Math.round((Date.now() - started) / 1000)} s (log: ${serverLog})`,
  );
  project.provide("e2eBaseUrl", server.baseUrl);
  project.provide("e2eDataDir", dataDir);
  return teardown;
}
