import { describe, expect, it } from "vitest";
import { isDemoEnabled } from "@/lib/demo/policy";
import { databaseEnv } from "@/lib/env";

const demoFor = (source: Record<string, string>) =>
  isDemoEnabled(databaseEnv({ NODE_ENV: "development", ...source } as NodeJS.ProcessEnv));

describe("where the demo store (and its published password) exists", () => {
  it("runs in development and tests on the embedded database", () => {
    expect(demoFor({ NODE_ENV: "development" })).toBe(true);
    expect(demoFor({ NODE_ENV: "test" })).toBe(true);
  });

  it("is off in production unless SEED_DEMO=1", () => {
    expect(demoFor({ NODE_ENV: "production" })).toBe(false);
    expect(demoFor({ NODE_ENV: "production", SEED_DEMO: "0" })).toBe(false);
    expect(demoFor({ NODE_ENV: "production", SEED_DEMO: "1" })).toBe(true);
  });

  it("is never automatic on a DATABASE_URL database", () => {
    const url = "postgres://user@db.example/app";
    expect(demoFor({ NODE_ENV: "development", DATABASE_URL: url })).toBe(false);
    expect(demoFor({ NODE_ENV: "production", SEED_DEMO: "1", DATABASE_URL: url })).toBe(false);
  });

  it("rejects a SEED_DEMO that is neither 0 nor 1", () => {
    expect(() => demoFor({ SEED_DEMO: "yes" })).toThrow(/SEED_DEMO/);
  });
});
