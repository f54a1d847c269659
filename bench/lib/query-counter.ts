/**
 * Counts the statements the Neon driver sends (each one round trip), by wrapping its
 * Client#query — pooled queries and transactions both go through it — and, while a
 * profile is open, adds up the time each statement text took. Bench-only: the count does
 * not depend on how busy the machine is, unlike the times.
 */
import { Client } from "@neondatabase/serverless";

let count = 0;
let installed = false;
let profile: Map<string, { calls: number; ms: number }> | null = null;

function textOf(query: unknown): string {
  const text = typeof query === "string" ? query : (query as { text?: string })?.text;
  return String(text ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}

export function countQueries(): () => number {
  if (!installed) {
    installed = true;
    const original = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      count += 1;
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      const open = profile;
      if (open) {
        const start = performance.now();
        const key = textOf(args[0]);
        void Promise.resolve(result).then(
          () => {
            const entry = open.get(key) ?? { calls: 0, ms: 0 };
            entry.calls += 1;
            entry.ms += performance.now() - start;
            open.set(key, entry);
          },
          () => undefined,
        );
      }
      return result;
    } as typeof Client.prototype.query;
  }
  return () => count;
}

/** Runs `run` `times` times and returns its statements, slowest first (total ms per run). */
export async function profileQueries(
  times: number,
  run: () => Promise<unknown>,
): Promise<{ text: string; calls: number; ms: number }[]> {
  countQueries();
  profile = new Map();
  const open = profile;
  try {
    for (let i = 0; i < times; i++) await run();
  } finally {
    profile = null;
  }
  return [...open]
    .map(([text, entry]) => ({ text, calls: entry.calls / times, ms: entry.ms / times }))
    .sort((a, b) => b.ms - a.ms);
}
