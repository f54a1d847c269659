import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { orders, storeMembers, stores } from "@/db/schema";
import { updateStoreProfileAction } from "@/app/(dashboard)/dashboard/settings/actions/update-store-profile";
import { saveStripeCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-stripe-credentials";
import { saveWhatsappCredentialsAction } from "@/app/(dashboard)/dashboard/settings/actions/save-whatsapp-credentials";
import { removeCredentialAction } from "@/app/(dashboard)/dashboard/settings/actions/remove-credential";
import { selectStore } from "@/app/(dashboard)/dashboard/actions/select-store";
import OverviewPage from "@/app/(dashboard)/dashboard/page";
import { OverviewFigures } from "@/components/dashboard/overview-figures";
import { parseAnalyticsRange } from "@/lib/analytics/range";
import SettingsPage from "@/app/(dashboard)/dashboard/settings/page";
import DashboardLayout from "@/app/(dashboard)/dashboard/layout";
import { ACTIVE_STORE_COOKIE, requireMember } from "@/lib/auth/current-member";
import { idleState } from "@/lib/forms/action-state";
import { env } from "@/lib/env";
import { listCredentialSummaries, readCredential, saveCredential } from "@/lib/stores/credentials";
import { testDbBackend, setupTestDatabase } from "../support/database";
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

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;
const expectNotFound = (promise: Promise<unknown>) =>
  expect(promise).rejects.toSatisfy((error: unknown) =>
    NOT_FOUND.test(String((error as { digest?: string }).digest)),
  );

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const profileForm = (name: string, extra: Record<string, string> = {}) =>
  form({
    name,
    whatsappNumber: "+81 75 123 4567",
    currency: "JPY",
    timezone: "Asia/Tokyo",
    defaultLanguage: "en",
    ...extra,
  });

async function storeName(id: string) {
  const [row] = await db().select({ name: stores.name }).from(stores).where(eq(stores.id, id));
  return row?.name;
}

describe(`tenancy: one store's member cannot reach another store [${testDbBackend}]`, () => {
  let alice: Awaited<ReturnType<typeof createOwnerWithStore>>;
  let bob: Awaited<ReturnType<typeof createOwnerWithStore>>;
  const aliceStripeKey = "sk_test_aliceAliceAliceAlice1234";

  beforeEach(async () => {
    alice = await createOwnerWithStore(db(), { storeName: "Alice Ceramics" });
    bob = await createOwnerWithStore(db(), { storeName: "Bob Bikes" });
    await saveCredential(
      db(),
      alice.store.id,
      "stripe_secret_key",
      aliceStripeKey,
      env().ENCRYPTION_KEY,
    );
    actAs(bob);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("resolves a member to their own store, and 404s for someone else's", async () => {
    expect((await requireMember()).store.id).toBe(bob.store.id);
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    await expectNotFound(requireMember());
  });

  it("renders dashboard pages only with the member's own store", async () => {
    const settings = JSON.stringify(await SettingsPage());
    expect(settings).toContain("Bob Bikes");
    expect(settings).not.toContain("Alice Ceramics");
    expect(settings).not.toContain("1234"); // Alice's key's last four
    const noRange = { searchParams: Promise.resolve({}) };
    const overview = JSON.stringify(await OverviewPage(noRange));
    expect(overview).toContain("Bob Bikes");
    expect(overview).not.toContain("Alice Ceramics");
    // The figures, which the page streams in below its header: the member's orders only.
    const order = (storeId: string, number: string) => ({
      storeId,
      number,
      status: "paid" as const,
      currency: "USD",
      subtotalMinor: 5000,
      totalMinor: 5000,
      paidAt: new Date(),
    });
    await db()
      .insert(orders)
      .values([order(bob.store.id, "BOB-0001"), order(alice.store.id, "ALICE-0001")]);
    const range = parseAnalyticsRange({}, bob.store.timezone, new Date());
    const figures = JSON.stringify(await OverviewFigures({ range }));
    expect(figures).toContain("BOB-0001");
    expect(figures).not.toContain("ALICE-0001");

    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    await expectNotFound(SettingsPage());
    await expectNotFound(OverviewPage(noRange));
    await expectNotFound(DashboardLayout({ children: null }));
  });

  it("ignores a store id smuggled into a form and changes only the member's store", async () => {
    const result = await updateStoreProfileAction(
      idleState,
      profileForm("Bob's Better Bikes", { storeId: alice.store.id }),
    );
    expect(result).toEqual({ status: "success", message: "Store profile saved." });
    expect(await storeName(bob.store.id)).toBe("Bob's Better Bikes");
    expect(await storeName(alice.store.id)).toBe("Alice Ceramics");
  });

  it("refuses every settings action aimed at another store", async () => {
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    await expectNotFound(updateStoreProfileAction(idleState, profileForm("Hijacked")));
    await expectNotFound(
      saveStripeCredentialsAction(idleState, form({ secretKey: "sk_test_hijackhijackhijack99" })),
    );
    await expectNotFound(
      saveWhatsappCredentialsAction(idleState, form({ phoneNumberId: "123456789" })),
    );
    await expectNotFound(removeCredentialAction(idleState, form({ name: "stripe_secret_key" })));
    await expectNotFound(selectStore(form({ slug: alice.store.slug })));
    expect(await storeName(alice.store.id)).toBe("Alice Ceramics");
    expect(
      await readCredential(db(), alice.store.id, "stripe_secret_key", env().ENCRYPTION_KEY),
    ).toBe(aliceStripeKey);
  });

  it("removes only the member's own secret", async () => {
    await saveCredential(
      db(),
      bob.store.id,
      "stripe_secret_key",
      "sk_test_bobBobBobBobBob5678",
      env().ENCRYPTION_KEY,
    );
    await removeCredentialAction(idleState, form({ name: "stripe_secret_key" }));
    expect(await listCredentialSummaries(db(), bob.store.id)).toEqual([]);
    expect(await listCredentialSummaries(db(), alice.store.id)).toHaveLength(1);
  });

  it("lets an agent read settings but not change them", async () => {
    await db()
      .insert(storeMembers)
      .values({ storeId: alice.store.id, userId: bob.userId, role: "agent" });
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    const result = await updateStoreProfileAction(idleState, profileForm("Agent was here"));
    expect(result).toMatchObject({
      status: "error",
      message: "Only the store owner can change this.",
    });
    expect(await storeName(alice.store.id)).toBe("Alice Ceramics");
  });

  it("sends a visitor without a session to the sign-in page", async () => {
    actAs(null);
    await expect(updateStoreProfileAction(idleState, profileForm("Anonymous"))).rejects.toSatisfy(
      (error: unknown) => String((error as { digest?: string }).digest).includes("/login"),
    );
  });
});
