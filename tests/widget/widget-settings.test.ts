import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { storeMembers, stores } from "@/db/schema";
import { saveBusinessHoursAction } from "@/app/(dashboard)/dashboard/settings/actions/save-business-hours";
import { updateWidgetSettingsAction } from "@/app/(dashboard)/dashboard/widget/actions/update-widget-settings";
import WidgetPage from "@/app/(dashboard)/dashboard/widget/page";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import { idleState } from "@/lib/forms/action-state";
import { readStoreSettings } from "@/lib/stores/settings";
import { updateStoreSettings } from "@/lib/stores/update-settings";
import { testDbBackend, setupTestDatabase } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const db = setupTestDatabase();

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const widgetForm = (extra: Record<string, string> = {}) =>
  form({
    position: "left",
    colour: "#128c7e",
    label: "Ask the tea master",
    greeting: "Hello from Kyoto",
    whenClosed: "note",
    offlineNote: "We open at ten.",
    ...extra,
  });

const hoursForm = (extra: Record<string, string> = {}) =>
  form({
    hoursEnabled: "on",
    hours_mon: "10:00-13:00, 14:00-18:00",
    hours_sat: "10:00-16:00",
    ...extra,
  });

async function rawSettings(storeId: string) {
  const [row] = await db()
    .select({ settings: stores.settings })
    .from(stores)
    .where(eq(stores.id, storeId));
  return row?.settings;
}

describe(`Dashboard → Widget settings [${testDbBackend}]`, () => {
  let alice: Awaited<ReturnType<typeof createOwnerWithStore>>;
  let bob: Awaited<ReturnType<typeof createOwnerWithStore>>;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db(), { storeName: "Alice Ceramics" });
    bob = await createOwnerWithStore(db(), { storeName: "Bob Bikes" });
    actAs(bob);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("saves the owner's settings into the store's settings, keeping other features' keys", async () => {
    await db()
      .update(stores)
      .set({ settings: { recovery: { delayMinutes: 60 } } })
      .where(eq(stores.id, bob.store.id));
    const result = await updateWidgetSettingsAction(idleState, widgetForm());
    expect(result).toEqual({ status: "success", message: "Widget settings saved." });

    const raw = await rawSettings(bob.store.id);
    expect(raw).toMatchObject({ recovery: { delayMinutes: 60 } });
    const settings = readStoreSettings(raw);
    expect(settings.widget).toEqual({
      position: "left",
      colour: "#128C7E",
      label: "Ask the tea master",
      greeting: "Hello from Kyoto",
      whenClosed: "note",
      offlineNote: "We open at ten.",
      translations: {},
    });
    expect(settings.businessHours.enabled).toBe(false);
  });

  it("saves business hours from Settings, which the widget's snippet then carries", async () => {
    await updateWidgetSettingsAction(idleState, widgetForm());
    const result = await saveBusinessHoursAction(idleState, hoursForm());
    expect(result).toEqual({ status: "success", message: "Business hours saved." });
    const settings = readStoreSettings(await rawSettings(bob.store.id));
    expect(settings.widget.label).toBe("Ask the tea master");
    expect(settings.businessHours.enabled).toBe(true);
    expect(settings.businessHours.days.mon).toEqual([
      { open: "10:00", close: "13:00" },
      { open: "14:00", close: "18:00" },
    ]);
    expect(settings.businessHours.days.tue).toEqual([]);
    const page = JSON.stringify(await WidgetPage());
    expect(page).toContain('"data-hours":');
    expect(page).toContain('"href":"/dashboard/settings#hours"');
  });

  it("refuses business hours with every day closed, and an agent's change", async () => {
    const closed = await saveBusinessHoursAction(
      idleState,
      hoursForm({ hours_mon: "", hours_sat: "" }),
    );
    expect(closed).toMatchObject({
      status: "error",
      fieldErrors: {
        hoursEnabled: [
          "Every day is closed: add opening hours for at least one day, or turn business hours off.",
        ],
      },
    });
    expect(await rawSettings(bob.store.id)).toEqual({});
    await db()
      .insert(storeMembers)
      .values({ storeId: alice.store.id, userId: bob.userId, role: "agent" });
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    expect(await saveBusinessHoursAction(idleState, hoursForm())).toMatchObject({
      status: "error",
      message: "Only the store owner can change this.",
    });
    expect(await rawSettings(alice.store.id)).toEqual({});
  });

  it("saves the words per language and offers them in the form and the snippet", async () => {
    const result = await updateWidgetSettingsAction(
      idleState,
      widgetForm({ label_ja: "茶師に聞く", greeting_ja: "京都からこんにちは", greeting_ko: "" }),
    );
    expect(result.status).toBe("success");
    const settings = readStoreSettings(await rawSettings(bob.store.id));
    expect(settings.widget.translations).toEqual({
      ja: { label: "茶師に聞く", greeting: "京都からこんにちは" },
    });
    const page = JSON.stringify(await WidgetPage());
    // The store's default is English: the form offers the other three languages.
    expect(page).toContain('"languages":["ja","zh-Hans","ko"]');
    expect(page).toContain('"label_ja":"茶師に聞く"');
    expect(page).toContain('"data-label":"茶師に聞く"'); // the Japanese page's snippet
    expect(page).toContain('"data-label":"Ask the tea master"');
  });

  it("answers field errors and stores nothing for invalid input", async () => {
    const result = await updateWidgetSettingsAction(
      idleState,
      widgetForm({ colour: "greenish", label: "x".repeat(41), whenClosed: "explode" }),
    );
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["colour", "label", "whenClosed"]);
    expect(result.values.colour).toBe("greenish");
    expect(await rawSettings(bob.store.id)).toEqual({});
  });

  it("changes only the member's own store, whatever store id the form carries", async () => {
    await updateWidgetSettingsAction(idleState, widgetForm({ storeId: alice.store.id }));
    expect(readStoreSettings(await rawSettings(bob.store.id)).widget.position).toBe("left");
    expect(await rawSettings(alice.store.id)).toEqual({});
  });

  it("404s the action and the page for a store the member does not belong to", async () => {
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    await expect(updateWidgetSettingsAction(idleState, widgetForm())).rejects.toSatisfy(
      (error: unknown) => NOT_FOUND.test(String((error as { digest?: string }).digest)),
    );
    await expect(WidgetPage()).rejects.toSatisfy((error: unknown) =>
      NOT_FOUND.test(String((error as { digest?: string }).digest)),
    );
    expect(await rawSettings(alice.store.id)).toEqual({});
  });

  it("renders the page with the member's own store only", async () => {
    await updateStoreSettings(db(), alice.store.id, { widget: { label: "Alice's secret label" } });
    const page = JSON.stringify(await WidgetPage());
    expect(page).toContain(`"data-store":"${bob.store.slug}"`);
    expect(page).not.toContain(alice.store.slug);
    expect(page).not.toContain("Alice's secret label");
  });

  it("lets an agent see the settings but not change them", async () => {
    await db()
      .insert(storeMembers)
      .values({ storeId: alice.store.id, userId: bob.userId, role: "agent" });
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    const page = JSON.stringify(await WidgetPage());
    expect(page).toContain(`"data-store":"${alice.store.slug}"`);
    expect(page).toContain('"readOnly":true');
    const result = await updateWidgetSettingsAction(idleState, widgetForm());
    expect(result).toMatchObject({
      status: "error",
      message: "Only the store owner can change this.",
    });
    expect(await rawSettings(alice.store.id)).toEqual({});
  });
});

describe(`updateStoreSettings [${testDbBackend}]`, () => {
  it("merges partial changes, validates the result and writes nothing when it fails", async () => {
    const { store } = await createOwnerWithStore(db());
    await updateStoreSettings(db(), store.id, { widget: { label: "One" } });
    await updateStoreSettings(db(), store.id, {
      businessHours: { enabled: true, days: { sun: [{ open: "09:00", close: "12:00" }] } },
    });
    const merged = readStoreSettings(await rawSettings(store.id));
    expect(merged.widget.label).toBe("One");
    expect(merged.businessHours.enabled).toBe(true);
    expect(merged.businessHours.days.sun).toEqual([{ open: "09:00", close: "12:00" }]);

    await expect(
      updateStoreSettings(db(), store.id, { widget: { colour: "not-a-colour" } }),
    ).rejects.toThrow();
    expect(readStoreSettings(await rawSettings(store.id)).widget.colour).toBe("#25D366");
  });

  it("keeps both of two saves made at the same time", async () => {
    const { store } = await createOwnerWithStore(db());
    await Promise.all([
      updateStoreSettings(db(), store.id, { widget: { greeting: "Hi" } }),
      updateStoreSettings(db(), store.id, { widget: { label: "Chat" } }),
      updateStoreSettings(db(), store.id, { businessHours: { enabled: true } }),
    ]);
    const settings = readStoreSettings(await rawSettings(store.id));
    expect(settings.widget.greeting).toBe("Hi");
    expect(settings.widget.label).toBe("Chat");
    expect(settings.businessHours.enabled).toBe(true);
  });
});
