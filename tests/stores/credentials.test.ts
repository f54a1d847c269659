import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { storeCredentials } from "@/db/schema";
import {
  listCredentialSummaries,
  readCredential,
  removeCredential,
  saveCredential,
} from "@/lib/stores/credentials";
import { createOwnerWithStore } from "../support/fixtures";
import { testDbBackend, setupTestDatabase } from "../support/database";

const db = setupTestDatabase();
const key = randomBytes(32).toString("base64");
const stripeKey = "sk_test_51Abcdefghijklmnopqrstuvwx9f3K";

describe(`store credentials [${testDbBackend}]`, () => {
  it("encrypts secrets at rest and lists only their last four characters", async () => {
    const { store } = await createOwnerWithStore(db());
    await saveCredential(db(), store.id, "stripe_secret_key", stripeKey, key);

    const [row] = await db()
      .select()
      .from(storeCredentials)
      .where(eq(storeCredentials.storeId, store.id));
    expect(row?.ciphertext).not.toContain(stripeKey);
    expect(row?.ciphertext).not.toContain("sk_test");
    const summaries = await listCredentialSummaries(db(), store.id);
    expect(summaries).toEqual([
      { name: "stripe_secret_key", last4: "9f3K", updatedAt: expect.any(Date) },
    ]);
    expect(JSON.stringify(summaries)).not.toContain(stripeKey);
    expect(await readCredential(db(), store.id, "stripe_secret_key", key)).toBe(stripeKey);
  });

  it("replaces and removes a secret", async () => {
    const { store } = await createOwnerWithStore(db());
    await saveCredential(
      db(),
      store.id,
      "whatsapp_app_secret",
      "0123456789abcdef0123456789abcdef",
      key,
    );
    await saveCredential(
      db(),
      store.id,
      "whatsapp_app_secret",
      "fedcba9876543210fedcba9876543210",
      key,
    );
    expect(await readCredential(db(), store.id, "whatsapp_app_secret", key)).toBe(
      "fedcba9876543210fedcba9876543210",
    );
    await removeCredential(db(), store.id, "whatsapp_app_secret");
    expect(await readCredential(db(), store.id, "whatsapp_app_secret", key)).toBeUndefined();
    expect(await listCredentialSummaries(db(), store.id)).toEqual([]);
  });

  it("cannot decrypt one store's secret as another's", async () => {
    const a = await createOwnerWithStore(db());
    const b = await createOwnerWithStore(db());
    await saveCredential(db(), a.store.id, "stripe_secret_key", stripeKey, key);
    const [row] = await db()
      .select()
      .from(storeCredentials)
      .where(eq(storeCredentials.storeId, a.store.id));
    await db()
      .insert(storeCredentials)
      .values({ ...row!, storeId: b.store.id });
    await expect(readCredential(db(), b.store.id, "stripe_secret_key", key)).rejects.toThrow();
  });
});
