import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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
      WHATSAPP_APP_SECRET: first.WHATSAPP_APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: first.WHATSAPP_VERIFY_TOKEN,
      CRON_SECRET: first.CRON_SECRET,
    });
    // The simulator signs like Meta: an app secret is 32 hex characters.
    expect(first.WHATSAPP_APP_SECRET).toMatch(/^[0-9a-f]{32}$/);

    const second = parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);
  });

  it("adds secrets introduced later to an older DATA_DIR without changing the existing ones", () => {
    const file = path.join(dataDir, "secrets.json");
    writeFileSync(file, JSON.stringify({ AUTH_SECRET: validSecret, ENCRYPTION_KEY: validKey }));
    const env = parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(env.AUTH_SECRET).toBe(validSecret);
    expect(env.ENCRYPTION_KEY).toBe(validKey);
    expect(env.CRON_SECRET).toBeDefined();
    expect(JSON.parse(readFileSync(file, "utf8")).CRON_SECRET).toBe(env.CRON_SECRET);
  });

  it("leaves WhatsApp unconfigured in production unless set, with the Graph API default and sandbox auto", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      AUTH_SECRET: validSecret,
      ENCRYPTION_KEY: validKey,
    });
    expect(env.WHATSAPP_APP_SECRET).toBeUndefined();
    expect(env.WHATSAPP_ACCESS_TOKEN).toBeUndefined();
    expect(env.CRON_SECRET).toBeUndefined();
    expect(env.WHATSAPP_GRAPH_API_URL).toBe("https://graph.facebook.com/v23.0");
    expect(env.WHATSAPP_SANDBOX).toBe("auto");
    const custom = parseEnv({
      NODE_ENV: "production",
      AUTH_SECRET: validSecret,
      ENCRYPTION_KEY: validKey,
      WHATSAPP_GRAPH_API_URL: "http://127.0.0.1:4010/v23.0/",
    });
    expect(custom.WHATSAPP_GRAPH_API_URL).toBe("http://127.0.0.1:4010/v23.0");
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        AUTH_SECRET: validSecret,
        ENCRYPTION_KEY: validKey,
        WHATSAPP_SANDBOX: "yes",
      }),
    ).toThrow(/WHATSAPP_SANDBOX/);
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
