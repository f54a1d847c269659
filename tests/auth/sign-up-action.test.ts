import { describe, expect, it, vi } from "vitest";
import { signUpWithPassword } from "@/app/(auth)/actions/sign-up";
import { SIGN_UP_LIMITS } from "@/lib/auth/sign-up";
import { idleState } from "@/lib/forms/action-state";
import { consumeRateLimit } from "@/lib/rate-limit";
import { setupTestDatabase, testDbBackend } from "../support/database";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({
  // As `next start` passes a request without a proxy in front (TRUST_PROXY=off).
  headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-for": "203.0.113.77" }),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
}));

const db = setupTestDatabase();

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe(`sign-up action [${testDbBackend}]`, () => {
  it("answers a rate-limited address with a clear message and keeps the password out", async () => {
    for (let i = 0; i < SIGN_UP_LIMITS.perIp.limit; i++) {
      await consumeRateLimit(db(), "sign-up:ip:203.0.113.77", SIGN_UP_LIMITS.perIp);
    }
    const state = await signUpWithPassword(
      idleState,
      form({
        email: "flood@example.test",
        password: "a long enough password",
        storeName: "Flood Shop",
        whatsappNumber: "+81 75 123 4567",
        currency: "JPY",
        timezone: "Asia/Tokyo",
        defaultLanguage: "en",
      }),
    );
    expect(state).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^Too many sign-ups right now\. Try again in \d+ minutes?\.$/),
      values: { email: "flood@example.test", storeName: "Flood Shop" },
    });
    expect(state.status === "error" && "password" in state.values).toBe(false);
  });
});
