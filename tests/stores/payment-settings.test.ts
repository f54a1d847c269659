import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { storeMembers, stores } from "@/db/schema";
import { savePaymentSettingsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-payment-settings";
import SettingsPage from "@/app/(dashboard)/dashboard/settings/page";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import en from "@/lib/dashboard-i18n/messages/en";
import ja from "@/lib/dashboard-i18n/messages/ja";
import { env } from "@/lib/env";
import { idleState } from "@/lib/forms/action-state";
import { type StripePlatformConfig, resolveStorePayments } from "@/lib/payments/config";
import { expiryFormValue, isCountryCode, splitCountryCodes } from "@/lib/payments/settings-form";
import { describePaymentsMode, stripeWebhookUrl } from "@/lib/payments/settings-view";
import { saveCredential } from "@/lib/stores/credentials";
import { DEFAULT_SHIPPING_COUNTRIES, readStoreSettings } from "@/lib/stores/settings";
import { updateStoreSettings } from "@/lib/stores/update-settings";
import { setUserLocale } from "@/lib/users/locale";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));
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

const paymentsForm = (values: Record<string, string> = {}) =>
  form({ expiryValue: "2", expiryUnit: "hours", shippingCountries: "jp, us ,GB,us", ...values });

async function paymentsOf(storeId: string) {
  const [row] = await db().select().from(stores).where(eq(stores.id, storeId));
  return readStoreSettings(row!.settings).payments;
}

const DEFAULTS = {
  checkoutExpiryMinutes: 23 * 60,
  shippingCountries: [...DEFAULT_SHIPPING_COUNTRIES],
};

describe(`Settings → Payments [${testDbBackend}]`, () => {
  let alice: Awaited<ReturnType<typeof createOwnerWithStore>>;
  let bob: Awaited<ReturnType<typeof createOwnerWithStore>>;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db(), { storeName: "Alice Teas" });
    bob = await createOwnerWithStore(db(), { storeName: "Bob Bikes" });
    actAs(alice);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("saves only the payments section of the owner's own store", async () => {
    await updateStoreSettings(db(), alice.store.id, { widget: { label: "Ask us" } });
    const result = await savePaymentSettingsAction(
      idleState,
      paymentsForm({ storeId: bob.store.id }),
    );
    expect(result).toEqual({ status: "success", message: en.payments.saved });
    expect(await paymentsOf(alice.store.id)).toEqual({
      checkoutExpiryMinutes: 120,
      shippingCountries: ["JP", "US", "GB"],
    });
    expect(await paymentsOf(bob.store.id)).toEqual(DEFAULTS);
    const [row] = await db().select().from(stores).where(eq(stores.id, alice.store.id));
    expect(readStoreSettings(row!.settings).widget.label).toBe("Ask us");

    // Saving another section keeps the payments section.
    await updateStoreSettings(db(), alice.store.id, { widget: { label: "Chat" } });
    expect((await paymentsOf(alice.store.id)).checkoutExpiryMinutes).toBe(120);

    await savePaymentSettingsAction(
      idleState,
      paymentsForm({ expiryValue: "45", expiryUnit: "minutes" }),
    );
    expect((await paymentsOf(alice.store.id)).checkoutExpiryMinutes).toBe(45);
  });

  it("refuses out-of-range expiries and bad country codes with clear messages, saving nothing", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ expiryValue: "20", expiryUnit: "minutes" }, "expiryValue", en.payments.errors.expiryRange],
      [{ expiryValue: "25", expiryUnit: "hours" }, "expiryValue", en.payments.errors.expiryRange],
      [{ expiryValue: "two" }, "expiryValue", en.payments.errors.expiryNumber],
      [{ expiryUnit: "days" }, "expiryUnit", en.payments.errors.expiryUnit],
      [{ shippingCountries: " , " }, "shippingCountries", en.payments.errors.countriesEmpty],
      [
        { shippingCountries: "JP, XX, usa, EU" },
        "shippingCountries",
        "Not a two-letter country code: XX, USA, EU",
      ],
    ];
    for (const [values, field, message] of cases) {
      const result = await savePaymentSettingsAction(idleState, paymentsForm(values));
      expect(result).toMatchObject({ status: "error", fieldErrors: { [field]: [message] } });
    }
    expect(await paymentsOf(alice.store.id)).toEqual(DEFAULTS);
  });

  it("answers in the owner's dashboard language", async () => {
    await setUserLocale(db(), alice.userId, "ja");
    const result = await savePaymentSettingsAction(
      idleState,
      paymentsForm({ expiryValue: "25", expiryUnit: "hours" }),
    );
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: { expiryValue: [ja.payments.errors.expiryRange] },
    });
    expect(ja.payments.errors.expiryRange).toMatch(/[\u3040-\u30ff]/);
    expect(await savePaymentSettingsAction(idleState, paymentsForm())).toEqual({
      status: "success",
      message: "決済設定を保存しました。",
    });
  });

  it("lets only the owner change payment settings", async () => {
    await db()
      .insert(storeMembers)
      .values({ storeId: alice.store.id, userId: bob.userId, role: "agent" });
    actAs(bob);
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    const result = await savePaymentSettingsAction(idleState, paymentsForm());
    expect(result).toMatchObject({ status: "error", message: en.payments.errors.ownerOnly });
    expect(await paymentsOf(alice.store.id)).toEqual(DEFAULTS);
  });

  it("shows the payments mode in words and the webhook endpoint to give Stripe", async () => {
    const sandbox = JSON.stringify(await SettingsPage());
    expect(sandbox).toContain(en.payments.modes.sandbox);
    expect(sandbox).toContain('"webhookUrl":"http://localhost:3000/api/webhooks/stripe"');

    const key = env().ENCRYPTION_KEY;
    await saveCredential(
      db(),
      alice.store.id,
      "stripe_secret_key",
      "sk_test_aliceAliceAlice0000",
      key,
    );
    await saveCredential(
      db(),
      alice.store.id,
      "stripe_webhook_secret",
      "whsec_aliceAliceAlice0000",
      key,
    );
    const own = JSON.stringify(await SettingsPage());
    expect(own).toContain(en.payments.modes.stripeStore);
    expect(own).toContain(
      `"webhookUrl":"http://localhost:3000/api/webhooks/stripe?store=${alice.store.slug}"`,
    );
    expect(own).not.toContain("sk_test_aliceAliceAlice0000");
  });

  it("words every mode, production without keys as a configuration error", async () => {
    const config = (overrides: Partial<StripePlatformConfig>): StripePlatformConfig => ({
      secretKey: undefined,
      webhookSecret: undefined,
      apiUrl: "https://api.stripe.com",
      sandbox: "auto",
      nodeEnv: "production",
      encryptionKey: env().ENCRYPTION_KEY,
      ...overrides,
    });
    const label = async (overrides: Partial<StripePlatformConfig>) =>
      describePaymentsMode(
        await resolveStorePayments(db(), bob.store.id, config(overrides)),
        en.payments,
      );
    expect(await label({})).toMatchObject({
      kind: "unavailable",
      label: en.payments.modes.unavailable,
    });
    expect((await label({ secretKey: "sk_test_platform" })).label).toBe("Stripe (platform key)");
    expect((await label({ nodeEnv: "development" })).label).toBe(
      "Test mode — local test checkout, no real payment",
    );
    expect(stripeWebhookUrl("https://shop.example", "bob", false)).toBe(
      "https://shop.example/api/webhooks/stripe",
    );
  });

  it("reads and writes the form's values", () => {
    expect(DEFAULT_SHIPPING_COUNTRIES.filter((code) => !isCountryCode(code))).toEqual([]);
    expect(splitCountryCodes("jp、us，gb ; jp")).toEqual(["JP", "US", "GB"]);
    expect(expiryFormValue(1380)).toEqual({ value: "23", unit: "hours" });
    expect(expiryFormValue(45)).toEqual({ value: "45", unit: "minutes" });
  });
});
