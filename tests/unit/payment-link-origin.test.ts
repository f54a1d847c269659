import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { paymentLinkOrigin } from "@/lib/payments/link-origin";

function withEnv(values: Record<string, string | undefined>) {
  vi.stubEnv("AUTH_SECRET", randomBytes(32).toString("base64"));
  vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));
  for (const name of ["APP_URL", "VERCEL_PROJECT_PRODUCTION_URL", "PORT"]) vi.stubEnv(name, "");
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  resetEnvForTests();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("the origin of payment links made by the bot", () => {
  it("is APP_URL when set, in any mode", () => {
    withEnv({ NODE_ENV: "production", APP_URL: "https://chat.shop.example/" });
    expect(paymentLinkOrigin()).toBe("https://chat.shop.example");
  });

  it("falls back to Vercel's production host", () => {
    withEnv({ NODE_ENV: "production", VERCEL_PROJECT_PRODUCTION_URL: "chatcart.vercel.app" });
    expect(paymentLinkOrigin()).toBe("https://chatcart.vercel.app");
  });

  it("is null in production without either — never a link to localhost", () => {
    withEnv({ NODE_ENV: "production", VERCEL_PROJECT_PRODUCTION_URL: "not a host/" });
    expect(paymentLinkOrigin()).toBeNull();
  });

  it("is the dev server's own port outside production", () => {
    withEnv({ NODE_ENV: "development", PORT: "4100" });
    expect(paymentLinkOrigin()).toBe("http://localhost:4100");
    withEnv({ NODE_ENV: "development" });
    expect(paymentLinkOrigin()).toBe("http://localhost:3000");
  });
});
