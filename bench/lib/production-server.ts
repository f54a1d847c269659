/**
 * `next build` and `next start` for benchmarks: production mode, loopback only, fresh
 * secrets, and the embedded database in a DATA_DIR of the caller's choosing unless
 * DATABASE_URL is passed. NEXT_DIST_DIR (next.config.mjs) picks the build folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export function distDir(): string {
  return path.resolve(root, process.env.NEXT_DIST_DIR || ".next");
}

export function freePort(): Promise<number> {
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

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Builds unless `reuse` is set and a build exists in the dist folder. */
export async function ensureBuild({ reuse }: { reuse: boolean }): Promise<void> {
  const buildId = path.join(distDir(), "BUILD_ID");
  if (reuse) {
    if (!existsSync(buildId)) throw new Error(`No build to reuse: ${buildId} is missing`);
    console.log(`[bench] reusing the build in ${path.relative(root, distDir())}`);
    return;
  }
  console.log(`[bench] next build → ${path.relative(root, distDir())} …`);
  const started = Date.now();
  const build = spawn(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const code = await waitForExit(build);
  if (code !== 0) throw new Error(`next build failed (${code})`);
  console.log(`[bench] built in ${Math.round((Date.now() - started) / 1000)} s`);
}

export type ProductionServer = { baseUrl: string; output: () => string; stop: () => Promise<void> };

/** `next start` on 127.0.0.1; resolves once GET `readyPath` answers. */
export async function startServer(options: {
  port: number;
  env: Record<string, string | undefined>;
  readyPath: string;
}): Promise<ProductionServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // Production seeds the demo store only when asked (lib/demo/policy.ts).
    SEED_DEMO: "1",
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_WS_PROXY;
  Object.assign(env, options.env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];

  const child = spawn(
    process.execPath,
    [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"],
    { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const exited = waitForExit(child);
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}${options.readyPath}`, {
        signal: AbortSignal.timeout(5_000),
      });
      if (response.ok) return { baseUrl, output: () => output, stop };
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not answer within 120 s:\n${output}`);
}

/** A child process (e.g. the database proxy) that is stopped with the benchmark. */
export function spawnHelper(
  command: string[],
  env: Record<string, string>,
): { stop: () => Promise<void> } {
  const [bin = "", ...args] = command;
  const child = spawn(bin, args, { cwd: root, env: { ...process.env, ...env }, stdio: "ignore" });
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = waitForExit(child);
      child.kill("SIGTERM");
      await exited;
    },
  };
}
