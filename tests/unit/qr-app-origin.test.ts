import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { AppOriginError, appOrigin } from "@/lib/server/app-origin";

const dataDir = mkdtempSync(path.join(tmpdir(), "chatcart-origin-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const request = (headers: Record<string, string>) => new Headers(headers);

describe("appOrigin", () => {
  it("uses APP_URL when set, whatever the request says", () => {
    const headers = request({ host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(
      appOrigin(headers, { appUrl: "https://shop.example", trustForwardedHeaders: true }),
    ).toBe("https://shop.example");
  });

  it("otherwise uses the Host header and ignores X-Forwarded-Host from an untrusted client", () => {
    const headers = request({
      host: "localhost:4300",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "http",
    });
    expect(appOrigin(headers, {})).toBe("http://localhost:4300");
    expect(
      appOrigin(request({ host: "Shop.Example", "x-forwarded-proto": "https, http" }), {}),
    ).toBe("https://shop.example");
    expect(appOrigin(request({ host: "127.0.0.1:3000", "x-forwarded-proto": "gopher" }), {})).toBe(
      "http://127.0.0.1:3000",
    );
    expect(appOrigin(request({ host: "[::1]:3000" }), {})).toBe("http://[::1]:3000");
  });

  it("trusts X-Forwarded-Host/-Proto behind a proxy that sets them (Vercel)", () => {
    const headers = request({
      host: "internal.vercel.run",
      "x-forwarded-host": "shop.example, proxy.internal",
      "x-forwarded-proto": "https",
    });
    expect(appOrigin(headers, { trustForwardedHeaders: true })).toBe("https://shop.example");
    expect(appOrigin(request({ host: "shop.example" }), { trustForwardedHeaders: true })).toBe(
      "http://shop.example",
    );
  });

  it.each([
    "evil.example/path",
    "user@evil.example",
    "evil.example:port",
    "",
    "a b",
    "évil.example",
  ])("refuses a host that is not a host name: %j", (host) => {
    expect(() => appOrigin(request(host ? { host } : {}), {})).toThrow(AppOriginError);
  });
});

describe("APP_URL in the environment", () => {
  it("is optional, keeps only the origin and must be http(s)", () => {
    const base = { NODE_ENV: "test", DATA_DIR: dataDir } as const;
    expect(parseEnv(base).APP_URL).toBeUndefined();
    expect(parseEnv({ ...base, APP_URL: "" }).APP_URL).toBeUndefined();
    expect(parseEnv({ ...base, APP_URL: "https://shop.example/some/path?x=1" }).APP_URL).toBe(
      "https://shop.example",
    );
    expect(() => parseEnv({ ...base, APP_URL: "javascript:alert(1)" })).toThrow(/APP_URL/);
    expect(() => parseEnv({ ...base, APP_URL: "shop.example" })).toThrow(/APP_URL/);
  });
});
