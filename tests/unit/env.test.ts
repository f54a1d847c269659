import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const validKey = randomBytes(32).toString("base64");
const validSecret = randomBytes(32).toString("base64");

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "chatcart-env-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("parseEnv", () => {
  it("refuses production without AUTH_SECRET and ENCRYPTION_KEY, naming both", () => {
    const parse = () => parseEnv({ NODE_ENV: "production", DATA_DIR: dataDir });
    expect(parse).toThrow(EnvError);
    expect(parse).toThrow(/AUTH_SECRET/);
    expect(parse).toThrow(/ENCRYPTION_KEY/);
  });

  it("never generates secrets in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATA_DIR: dataDir })).toThrow();
    expect(() => statSync(path.join(dataDir, "secrets.json"))).toThrow();
  });

  it("accepts production with both secrets", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      AUTH_SECRET: validSecret,
      ENCRYPTION_KEY: validKey,
    });
    expect(env.ENCRYPTION_KEY).toBe(validKey);
  });

  it("generates development secrets once into DATA_DIR/secrets.json (0600) and reuses them", () => {
    const first = parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir });
    const file = path.join(dataDir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first.ENCRYPTION_KEY, "base64")).toHaveLength(32);
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      AUTH_SECRET: first.AUTH_SECRET,
      ENCRYPTION_KEY: first.ENCRYPTION_KEY,
    });

    const second = parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);
  });

  it("rejects an ENCRYPTION_KEY that is not 32 bytes of base64", () => {
    for (const key of [
      "short",
      randomBytes(16).toString("base64"),
      randomBytes(33).toString("base64"),
    ]) {
      expect(() =>
        parseEnv({ NODE_ENV: "production", AUTH_SECRET: validSecret, ENCRYPTION_KEY: key }),
      ).toThrow(/ENCRYPTION_KEY/);
    }
  });

  it("checks that DATABASE_WS_PROXY is host:port", () => {
    const base = {
      NODE_ENV: "production",
      AUTH_SECRET: validSecret,
      ENCRYPTION_KEY: validKey,
    } as const;
    expect(parseEnv({ ...base, DATABASE_WS_PROXY: "127.0.0.1:5433" }).DATABASE_WS_PROXY).toBe(
      "127.0.0.1:5433",
    );
    expect(parseEnv({ ...base, DATABASE_WS_PROXY: "" }).DATABASE_WS_PROXY).toBeUndefined();
    for (const bad of ["ws://127.0.0.1:5433", "127.0.0.1", "localhost:port"]) {
      expect(() => parseEnv({ ...base, DATABASE_WS_PROXY: bad })).toThrow(/DATABASE_WS_PROXY/);
    }
  });
});
