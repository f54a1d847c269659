import { beforeEach, describe, expect, it, vi } from "vitest";
import { setLocaleAction } from "@/app/(dashboard)/dashboard/actions/set-locale";
import { dashboardLanguage, getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { idleState } from "@/lib/forms/action-state";
import { readUserLocale } from "@/lib/users/locale";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const db = setupTestDatabase();

function localeForm(locale: string): FormData {
  const data = new FormData();
  data.set("locale", locale);
  return data;
}

describe(`the member's dashboard language [${testDbBackend}]`, () => {
  let alice: Awaited<ReturnType<typeof createOwnerWithStore>>;
  let bob: Awaited<ReturnType<typeof createOwnerWithStore>>;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db());
    bob = await createOwnerWithStore(db());
  });

  it("follows the browser until the member chooses one", async () => {
    actAs(alice);
    expect(await readUserLocale(db(), alice.userId)).toBeNull();
    // The fake request sends no Accept-Language: English.
    expect(await dashboardLanguage()).toBe("en");
  });

  it("stores the chosen language for that member only", async () => {
    actAs(alice);
    await expect(setLocaleAction(idleState, localeForm("ja"))).resolves.toEqual({
      status: "success",
      message: "ja",
    });
    expect(await readUserLocale(db(), alice.userId)).toBe("ja");
    expect(await readUserLocale(db(), bob.userId)).toBeNull();
    const strings = await getDashboardStrings();
    expect(strings.language).toBe("ja");
    expect(strings.t.nav.overview).toBe("概要");

    actAs(bob);
    expect(await dashboardLanguage()).toBe("en");
    await setLocaleAction(idleState, localeForm("en"));
    expect(await readUserLocale(db(), bob.userId)).toBe("en");
    expect(await readUserLocale(db(), alice.userId)).toBe("ja");
  });

  it("rejects a language the dashboard does not speak with a clear error, storing nothing", async () => {
    actAs(alice);
    for (const locale of ["ko", "", "ja-JP", "<script>"]) {
      const state = await setLocaleAction(idleState, localeForm(locale));
      expect(state).toMatchObject({
        status: "error",
        message: "Choose English or 日本語.",
        fieldErrors: { locale: ["Choose English or 日本語."] },
      });
    }
    const missing = await setLocaleAction(idleState, new FormData());
    expect(missing.status).toBe("error");
    expect(await readUserLocale(db(), alice.userId)).toBeNull();
  });

  it("answers a Japanese member's mistake in Japanese", async () => {
    actAs(alice);
    await setLocaleAction(idleState, localeForm("ja"));
    const state = await setLocaleAction(idleState, localeForm("fr"));
    expect(state).toMatchObject({
      status: "error",
      message: "English または 日本語 を選んでください。",
    });
    expect(await readUserLocale(db(), alice.userId)).toBe("ja");
  });

  it("sends a signed-out caller to sign-in", async () => {
    actAs(null);
    await expect(setLocaleAction(idleState, localeForm("ja"))).rejects.toSatisfy((error: unknown) =>
      String((error as { digest?: string }).digest).startsWith("NEXT_REDIRECT"),
    );
  });
});
