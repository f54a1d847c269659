import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { storeMembers, stores, users } from "@/db/schema";
import { signUpOwner, signUpSchema } from "@/lib/auth/sign-up";
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

  it("gives a second store with the same name its own slug", async () => {
    const result = await signUpOwner(db(), input("second@example.test"), { passwordCost: 4 });
    expect(result.ok && result.store.slug).toMatch(/^gion-paper-shop-[a-z0-9]{4}$/);
  });
});
