import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(path.join(root, folder))) {
    const relative = path.join(folder, name);
    if (statSync(path.join(root, relative)).isDirectory()) found.push(...sourceFiles(relative));
    else if (/\.tsx?$/.test(name)) found.push(relative);
  }
  return found;
}

/** The module specifiers a file imports values from (`import type` does not count). */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;
  for (const match of source.matchAll(pattern)) specifiers.push(match[1]!);
  for (const match of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
    specifiers.push(match[1]!);
  }
  return specifiers;
}

/** Importing any of these means the module reads the database or handles secrets. */
const SERVER_ONLY_IMPORTS = [
  /^drizzle-orm(\/|$)/,
  /^@\/db\/(drivers|schema)/,
  /^@\/lib\/server\/database$/,
  /^@\/lib\/crypto\//,
  /^@\/lib\/env$/,
  /^@\/lib\/stores\/credentials$/,
];

// Plain Node entry points (scripts, the db proxy, the env loader used by next.config) cannot
// import "server-only": the package throws outside a React Server bundle.
const RUNS_OUTSIDE_NEXT = new Set(["lib/env.ts", "lib/db-proxy/ws-tcp-proxy.ts"]);

describe("module boundaries", () => {
  it("db/ imports nothing from lib/ (the database layer is below the domain code)", () => {
    const offenders = sourceFiles("db").filter((file) =>
      valueImports(readFileSync(path.join(root, file), "utf8")).some(
        (specifier) => specifier.startsWith("@/lib") || /(^|\/)lib\//.test(specifier),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('every lib/ module that touches the database or secrets imports "server-only"', () => {
    const files = sourceFiles("lib").filter((file) => !RUNS_OUTSIDE_NEXT.has(file));
    const touching = files.filter((file) =>
      valueImports(readFileSync(path.join(root, file), "utf8")).some((specifier) =>
        SERVER_ONLY_IMPORTS.some((pattern) => pattern.test(specifier)),
      ),
    );
    // The check must be looking at something: the stores, auth and outbox code all qualify.
    expect(touching).toEqual(
      expect.arrayContaining(["lib/stores/credentials.ts", "lib/whatsapp/send-outbox.ts"]),
    );
    const missing = touching.filter(
      (file) => !/^import "server-only";$/m.test(readFileSync(path.join(root, file), "utf8")),
    );
    expect(missing).toEqual([]);
  });
});
