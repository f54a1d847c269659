import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { saveStripeCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-stripe-credentials";
import { saveWhatsappCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-whatsapp-credentials";
import { updateStoreProfileAction } from "@/app/(dashboard)/dashboard/settings/actions/update-store-profile";
import { orders, products, stores } from "@/db/schema";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import { idleState } from "@/lib/forms/action-state";
import { saveCredential } from "@/lib/stores/credentials";
import { currencyLockReason } from "@/lib/stores/currency-lock";
import { loadSettingsView } from "@/lib/stores/settings-view";
import { testDbBackend, setupTestDatabase } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import { testPlatformConfig } from "../whatsapp/fixtures";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const db = setupTestDatabase();

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const profileForm = (currency: string) =>
  form({
    name: "Kyoto Tea",
    whatsappNumber: "+81 75 123 4567",
    currency,
    timezone: "Asia/Tokyo",
    defaultLanguage: "en",
  });

async function storeCurrency(storeId: string) {
  const [row] = await db()
    .select({ currency: stores.currency })
    .from(stores)
    .where(eq(stores.id, storeId));
  return row?.currency;
}

let owner: Awaited<ReturnType<typeof createOwnerWithStore>>;

beforeEach(async () => {
  owner = await createOwnerWithStore(db(), { currency: "JPY" });
  actAs(owner);
  setCookie(ACTIVE_STORE_COOKIE, undefined);
});

describe(`changing a store's currency [${testDbBackend}]`, () => {
  it("is allowed while the store has no products and no orders", async () => {
    expect(await currencyLockReason(db(), owner.store.id)).toBeNull();
    const result = await updateStoreProfileAction(idleState, profileForm("USD"));
    expect(result).toEqual({ status: "success", message: "Store profile saved." });
    expect(await storeCurrency(owner.store.id)).toBe("USD");
  });

  it("is refused on the server, with the reason, once a priced product exists", async () => {
    await db().insert(products).values({
      storeId: owner.store.id,
      slug: "sencha",
      sku: "TEA-1",
      name: "Sencha",
      priceMinor: 2800,
      currency: "JPY",
    });
    const reason = await currencyLockReason(db(), owner.store.id);
    expect(reason).toMatch(/priced products/);

    const result = await updateStoreProfileAction(idleState, profileForm("USD"));
    expect(result).toMatchObject({ status: "error", fieldErrors: { currency: [reason] } });
    expect(await storeCurrency(owner.store.id)).toBe("JPY");
  });

  it("is refused once an order exists, while the rest of the profile still saves", async () => {
    await db().insert(orders).values({
      storeId: owner.store.id,
      number: "A-1",
      status: "pending",
      currency: "JPY",
      subtotalMinor: 2800,
      totalMinor: 2800,
    });
    const refused = await updateStoreProfileAction(idleState, profileForm("EUR"));
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { currency: [expect.stringMatching(/orders/)] },
    });
    expect(await storeCurrency(owner.store.id)).toBe("JPY");

    // The locked form submits the stored currency; everything else may change.
    const saved = await updateStoreProfileAction(idleState, profileForm("JPY"));
    expect(saved.status).toBe("success");
    const [row] = await db().select().from(stores).where(eq(stores.id, owner.store.id));
    expect(row?.name).toBe("Kyoto Tea");
  });
});

describe(`secrets are never echoed back [${testDbBackend}]`, () => {
  const accessToken = "EAAGm0PX4ZCpsBAKZCvalidlookingtoken1234567890";

  it("a failed WhatsApp save returns no access token or app secret", async () => {
    const result = await saveWhatsappCredentialsAction(
      idleState,
      form({ phoneNumberId: "not digits", accessToken, appSecret: "not-hex-secret" }),
    );
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(result.fieldErrors.appSecret).toBeDefined();
    expect(result.values).not.toHaveProperty("accessToken");
    expect(result.values).not.toHaveProperty("appSecret");
    expect(result.values.phoneNumberId).toBe("not digits");
    expect(JSON.stringify(result)).not.toContain(accessToken);
  });

  it("a failed Stripe save returns no secret key or webhook secret", async () => {
    const secretKey = "sk_live_51Abcdefghijklmnopqrstuvwx9f3K";
    const result = await saveStripeCredentialsAction(
      idleState,
      form({ secretKey, webhookSecret: "whsec_" }),
    );
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(result.fieldErrors.webhookSecret).toBeDefined();
    expect(result.values).toEqual({});
    expect(JSON.stringify(result)).not.toContain(secretKey);
  });
});

describe(`what the Settings page is given [${testDbBackend}]`, () => {
  it("holds last four characters and the connection's status, never a decrypted token", async () => {
    const config = testPlatformConfig();
    const token = "EAAGsecretaccesstokenvalue0123456789WXYZ";
    await saveCredential(
      db(),
      owner.store.id,
      "whatsapp_access_token",
      token,
      config.encryptionKey,
    );
    await db()
      .update(stores)
      .set({ whatsappPhoneNumberId: "123456789012345" })
      .where(eq(stores.id, owner.store.id));

    const view = await loadSettingsView(db(), owner.store, config);

    expect(view.stored.whatsapp_access_token).toEqual({
      last4: "WXYZ",
      updatedAt: expect.any(String),
    });
    expect(view.connection.mode).not.toBe("sandbox");
    expect(JSON.stringify(view)).not.toContain(token);
    expect(JSON.stringify(view)).not.toContain(token.slice(0, 12));
  });
});
