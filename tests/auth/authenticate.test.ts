import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rateLimitBuckets } from "@/db/schema";
import { authenticate, SIGN_IN_LIMITS } from "@/lib/auth/authenticate";
import { consumeRateLimit } from "@/lib/rate-limit";
import { createOwnerWithStore } from "../support/fixtures";
import { testDbBackend, setupTestDatabase } from "../support/database";

const db = setupTestDatabase();

describe(`password sign-in [${testDbBackend}]`, () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const owner = await createOwnerWithStore(db(), { email: "ann@example.test" });
    const result = await authenticate(db(), {
      email: "ANN@example.test",
      password: owner.password,
      ip: "10.0.0.1",
    });
    expect(result).toEqual({
      ok: true,
      user: { id: owner.userId, email: "ann@example.test", name: null },
    });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    await createOwnerWithStore(db(), { email: "bob@example.test" });
    const wrongPassword = await authenticate(db(), {
      email: "bob@example.test",
      password: "nope",
      ip: "10.0.0.2",
    });
    const unknownEmail = await authenticate(db(), {
      email: "nobody@example.test",
      password: "nope",
      ip: "10.0.0.2",
    });
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("stops an email after too many attempts, even with the right password", async () => {
    const owner = await createOwnerWithStore(db(), { email: "carol@example.test" });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
      await authenticate(db(), { email: owner.email, password: "guess", ip: `10.1.0.${i}` });
    }
    const result = await authenticate(db(), {
      email: owner.email,
      password: owner.password,
      ip: "10.1.1.1",
    });
    expect(result).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("stops an IP that tries many emails", async () => {
    // A few real attempts, then the rest of the window's budget used up directly (bcrypt is slow).
    for (let i = 0; i < 3; i++) {
      await authenticate(db(), {
        email: `spray${i}@example.test`,
        password: "guess",
        ip: "10.9.9.9",
      });
    }
    for (let i = 3; i < SIGN_IN_LIMITS.perIp.limit; i++) {
      await consumeRateLimit(db(), "sign-in:ip:10.9.9.9", SIGN_IN_LIMITS.perIp);
    }
    const owner = await createOwnerWithStore(db(), { email: "dave@example.test" });
    const blocked = await authenticate(db(), {
      email: owner.email,
      password: owner.password,
      ip: "10.9.9.9",
    });
    expect(blocked).toEqual({ ok: false, reason: "rate_limited" });
    const otherIp = await authenticate(db(), {
      email: owner.email,
      password: owner.password,
      ip: "10.9.9.10",
    });
    expect(otherIp.ok).toBe(true);
  });

  it("an unknown address never locks out everyone: 50 failures leave sign-in open", async () => {
    const owner = await createOwnerWithStore(db(), { email: "erin@example.test" });
    await db().insert(rateLimitBuckets).values({
      key: "sign-in:ip:unknown",
      windowStartedAt: new Date(),
      count: SIGN_IN_LIMITS.perIp.limit,
    });
    const unknown = await authenticate(db(), {
      email: owner.email,
      password: owner.password,
      ip: null,
    });
    expect(unknown.ok).toBe(true);
  });

  it("a flood without addresses is bounded, and clients with an address are not held by it", async () => {
    const owner = await createOwnerWithStore(db(), { email: "frank@example.test" });
    await db()
      .update(rateLimitBuckets)
      .set({ count: SIGN_IN_LIMITS.unknownIp.limit })
      .where(eq(rateLimitBuckets.key, "sign-in:ip:unknown"));
    const unknown = await authenticate(db(), {
      email: owner.email,
      password: owner.password,
      ip: null,
    });
    expect(unknown).toEqual({ ok: false, reason: "rate_limited" });
    const known = await authenticate(db(), {
      email: owner.email,
      password: owner.password,
      ip: "10.7.7.7",
    });
    expect(known.ok).toBe(true);
  });
});
