import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { storeMembers } from "@/db/schema";
import { createStoreWithOwner, STORES_PER_USER_PER_DAY } from "@/lib/stores/stores";
import { RESERVED_STORE_SLUGS } from "@/lib/stores/slugs";
import { createOwnerWithStore } from "../support/fixtures";
import { setupTestDatabase, testDbBackend } from "../support/database";

const db = setupTestDatabase();

const profile = {
  whatsappNumber: "+81751234567",
  currency: "JPY",
  timezone: "Asia/Tokyo",
  defaultLanguage: "en" as const,
};

async function storesOwnedBy(userId: string): Promise<number> {
  const [row] = await db()
    .select({ value: count() })
    .from(storeMembers)
    .where(eq(storeMembers.userId, userId));
  return Number(row?.value ?? 0);
}

describe(`creating a store [${testDbBackend}]`, () => {
  it("reserves the app's own paths and names", () => {
    for (const word of ["api", "dashboard", "go", "pay", "s", "qr", "login", "signup"]) {
      expect(RESERVED_STORE_SLUGS.has(word)).toBe(true);
    }
    for (const word of ["admin", "www", "auth", "static", "_next", "widget", "health"]) {
      expect(RESERVED_STORE_SLUGS.has(word)).toBe(true);
    }
    for (const word of ["cron", "webhooks", "settings"]) {
      expect(RESERVED_STORE_SLUGS.has(word)).toBe(true);
    }
  });

  it("refuses a name whose slug is reserved, with the reason", async () => {
    const owner = await createOwnerWithStore(db());
    const result = await createStoreWithOwner(db(), {
      ...profile,
      name: "API",
      ownerUserId: owner.userId,
    });
    expect(result).toEqual({
      ok: false,
      reason: "reserved_name",
      message: expect.stringContaining("/s/api, which Chatcart keeps for itself"),
    });
    expect(await storesOwnedBy(owner.userId)).toBe(1);
  });

  it(`lets one user create at most ${STORES_PER_USER_PER_DAY.limit} stores a day`, async () => {
    const owner = await createOwnerWithStore(db());
    const results = [];
    for (let i = 0; i <= STORES_PER_USER_PER_DAY.limit; i++) {
      results.push(
        await createStoreWithOwner(db(), {
          ...profile,
          name: `Branch ${i}`,
          ownerUserId: owner.userId,
        }),
      );
    }
    // Sign-up created the first store of the day.
    expect(results.map((result) => result.ok)).toEqual([
      ...Array<boolean>(STORES_PER_USER_PER_DAY.limit - 1).fill(true),
      false,
      false,
    ]);
    expect(results.at(-1)).toEqual({
      ok: false,
      reason: "daily_limit",
      message: `You can create ${STORES_PER_USER_PER_DAY.limit} stores a day. Try again tomorrow.`,
    });
    expect(await storesOwnedBy(owner.userId)).toBe(STORES_PER_USER_PER_DAY.limit);

    const someoneElse = await createOwnerWithStore(db());
    const theirs = await createStoreWithOwner(db(), {
      ...profile,
      name: "Another Branch",
      ownerUserId: someoneElse.userId,
    });
    expect(theirs.ok).toBe(true);
  });
});
