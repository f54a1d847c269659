import { count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { storeMembers, stores, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import {
  SIGN_UP_LIMITS,
  signUpOwner,
  signUpSchema,
  signUpWithRateLimits,
} from "@/lib/auth/sign-up";
import { consumeRateLimit } from "@/lib/rate-limit";
import { testDbBackend, setupTestDatabase } from "../support/database";

const db = setupTestDatabase();

function input(email: string, storeName = "Gion Paper Shop") {
  return signUpSchema.parse({
    email,
    password: "a long enough password",
    storeName,
    whatsappNumber: "+81 75 123 4567",
    currency: "JPY",
    timezone: "Asia/Tokyo",
    defaultLanguage: "ja",
  });
}

describe(`sign-up [${testDbBackend}]`, () => {
  it("creates the owner and a store they own", async () => {
    const result = await signUpOwner(db(), input("New.Owner@Example.test"), { passwordCost: 4 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.store).toMatchObject({
      slug: "gion-paper-shop",
      whatsappNumber: "+81751234567",
      currency: "JPY",
      timezone: "Asia/Tokyo",
      defaultLanguage: "ja",
    });
    const [member] = await db()
      .select()
      .from(storeMembers)
      .where(eq(storeMembers.storeId, result.store.id));
    expect(member).toMatchObject({ userId: result.userId, role: "owner" });
    const [user] = await db().select().from(users).where(eq(users.id, result.userId));
    expect(user?.email).toBe("new.owner@example.test");
    expect(user?.passwordHash).toMatch(/^\$2[aby]\$/);
  });

  it("refuses an email that is already used, and writes nothing", async () => {
    const [{ value: storesBefore }] = (await db().select({ value: count() }).from(stores)) as [
      { value: number },
    ];
    const result = await signUpOwner(db(), input("new.owner@example.test", "Another Shop"), {
      passwordCost: 4,
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
    });
    const [{ value: storesAfter }] = (await db().select({ value: count() }).from(stores)) as [
      { value: number },
    ];
    expect(storesAfter).toBe(storesBefore);
  });

  it("uses the address the owner chose, and refuses one another store has, writing nothing", async () => {
    const chosen = signUpSchema.parse({
      ...input("kyoto-owner@example.test", "京都のお茶"),
      storeSlug: " Kyoto-Ocha ",
    });
    const result = await signUpOwner(db(), chosen, { passwordCost: 4 });
    expect(result.ok && result.store.slug).toBe("kyoto-ocha");

    const again = signUpSchema.parse({
      ...input("copycat@example.test", "Other Tea"),
      storeSlug: "kyoto-ocha",
    });
    expect(await signUpOwner(db(), again, { passwordCost: 4 })).toEqual({
      ok: false,
      fieldErrors: {
        storeSlug: ["Another store already has the address /s/kyoto-ocha: choose another"],
      },
    });
    const [user] = await db().select().from(users).where(eq(users.email, "copycat@example.test"));
    expect(user).toBeUndefined();
  });

  it("gives a second store with the same name its own slug", async () => {
    const result = await signUpOwner(db(), input("second@example.test"), { passwordCost: 4 });
    expect(result.ok && result.store.slug).toMatch(/^gion-paper-shop-[a-z0-9]{4}$/);
  });

  it("hashes exactly once whether or not the email is taken, so both answers cost the same", async () => {
    const fresh = vi.fn((password: string) => hashPassword(password, 4));
    const created = await signUpOwner(db(), input("timing@example.test", "Timing One"), {
      hashPassword: fresh,
    });
    expect(created.ok).toBe(true);
    expect(fresh).toHaveBeenCalledTimes(1);

    const taken = vi.fn((password: string) => hashPassword(password, 4));
    const duplicate = await signUpOwner(db(), input("Timing@Example.test", "Timing Two"), {
      hashPassword: taken,
    });
    expect(duplicate).toEqual({
      ok: false,
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
    });
    expect(taken).toHaveBeenCalledTimes(1);
    expect(taken.mock.calls[0]?.[0]).toBe("a long enough password");
  });

  it("refuses a store name whose slug is reserved, before hashing anything", async () => {
    const hasher = vi.fn((password: string) => hashPassword(password, 4));
    for (const name of ["Admin", "Dashboard", "QR", "Go", "Sign up", "WWW"]) {
      const result = await signUpOwner(
        db(),
        input(`reserved-${name.replace(/\W/g, "")}@example.test`, name),
        {
          hashPassword: hasher,
        },
      );
      expect(result.ok).toBe(false);
      expect(!result.ok && result.fieldErrors.storeName?.[0]).toMatch(
        /keeps for itself\. Add a word/,
      );
    }
    expect(hasher).not.toHaveBeenCalled();
    expect(
      await db().select().from(users).where(eq(users.email, "reserved-admin@example.test")),
    ).toEqual([]);
    // Only the exact word is reserved.
    const fine = await signUpOwner(db(), input("admin-shop@example.test", "Admin Shop"), {
      passwordCost: 4,
    });
    expect(fine.ok && fine.store.slug).toBe("admin-shop");
  });
});

describe(`sign-up rate limits [${testDbBackend}]`, () => {
  it("stops an address after its hourly budget, with a retry time, and no hashing", async () => {
    const ip = "203.0.113.50";
    for (let i = 0; i < SIGN_UP_LIMITS.perIp.limit; i++) {
      await consumeRateLimit(db(), `sign-up:ip:${ip}`, SIGN_UP_LIMITS.perIp);
    }
    const hasher = vi.fn((password: string) => hashPassword(password, 4));
    const blocked = await signUpWithRateLimits(db(), input("limited@example.test", "Limited"), {
      ip,
      hashPassword: hasher,
    });
    expect(blocked).toMatchObject({ ok: false, rateLimited: true });
    expect("retryAt" in blocked && blocked.retryAt.getTime()).toBeGreaterThan(Date.now());
    expect(hasher).not.toHaveBeenCalled();

    const elsewhere = await signUpWithRateLimits(db(), input("limited@example.test", "Limited"), {
      ip: "203.0.113.51",
      passwordCost: 4,
    });
    expect(elsewhere.ok).toBe(true);
  });

  it("counts every attempt, duplicates included, so the email check is not free", async () => {
    const ip = "203.0.113.60";
    await signUpOwner(db(), input("counted@example.test", "Counted"), { passwordCost: 4 });
    const results = [];
    for (let i = 0; i <= SIGN_UP_LIMITS.perIp.limit; i++) {
      results.push(
        await signUpWithRateLimits(db(), input("counted@example.test", "Counted"), {
          ip,
          passwordCost: 4,
        }),
      );
    }
    expect(results.slice(0, -1).every((result) => "fieldErrors" in result)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, rateLimited: true });
  });

  it("clients with an unknown address share one bucket", async () => {
    for (let i = 0; i < SIGN_UP_LIMITS.perIp.limit; i++) {
      await consumeRateLimit(db(), "sign-up:ip:unknown", SIGN_UP_LIMITS.perIp);
    }
    const blocked = await signUpWithRateLimits(db(), input("nowhere@example.test", "Nowhere"), {
      ip: null,
      passwordCost: 4,
    });
    expect(blocked).toMatchObject({ ok: false, rateLimited: true });
  });

  it("stops all sign-ups past the global budget, from any address", async () => {
    for (let i = 0; i < SIGN_UP_LIMITS.global.limit; i++) {
      await consumeRateLimit(db(), "sign-up:all", SIGN_UP_LIMITS.global);
    }
    const blocked = await signUpWithRateLimits(db(), input("late@example.test", "Late Shop"), {
      ip: "198.51.100.200",
      passwordCost: 4,
    });
    expect(blocked).toMatchObject({ ok: false, rateLimited: true });
    expect(await db().select().from(users).where(eq(users.email, "late@example.test"))).toEqual([]);
  });
});
