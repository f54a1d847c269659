import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { storeMembers, stores } from "@/db/schema";
import { saveOrderTemplatesAction } from "@/app/(dashboard)/dashboard/bot/actions/save-order-templates";
import BotPage from "@/app/(dashboard)/dashboard/bot/page";
import { readOrderTemplates } from "@/lib/bot-settings/order-templates";
import { createMessageTemplate } from "@/lib/bot-settings/templates";
import { idleState } from "@/lib/forms/action-state";
import { readStoreSettings } from "@/lib/stores/settings";
import { formData, pageText } from "../catalog/product-test-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import { storeRow } from "../whatsapp/fixtures";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const db = setupTestDatabase();

async function ownerWithTemplate() {
  const owner = await createOwnerWithStore(db());
  const created = await createMessageTemplate(db(), owner.store.id, {
    name: "order_paid",
    language: "en",
    category: "utility",
    body: "Order {{1}} paid: {{2}}",
    variableCount: 2,
  });
  expect(created.ok).toBe(true);
  actAs(owner);
  return owner;
}

describe(`Bot → Templates: order message templates [${testDbBackend}]`, () => {
  it("the owner maps a template and its variables per order message; the page shows the section", async () => {
    const owner = await ownerWithTemplate();
    // Other sections of the settings survive the save.
    await db()
      .update(stores)
      .set({ settings: { payments: { checkoutExpiryMinutes: 60, shippingCountries: ["JP"] } } })
      .where(eq(stores.id, owner.store.id));
    const state = await saveOrderTemplatesAction(
      idleState,
      formData({
        confirmation_template: "order_paid",
        confirmation_var1: "order_number",
        confirmation_var2: "total",
      }),
    );
    expect(state).toEqual({ status: "success", message: "Order templates saved." });
    const settings = (await storeRow(db(), owner.store.id))!.settings;
    expect(readOrderTemplates(settings)).toEqual({
      confirmation: { name: "order_paid", variables: ["order_number", "total"] },
    });
    expect(readStoreSettings(settings).payments).toEqual({
      checkoutExpiryMinutes: 60,
      shippingCountries: ["JP"],
    });
    const text = pageText(await BotPage());
    expect(text).toContain("Order messages outside the 24-hour window");
    expect(text).toContain("Payment confirmed");
  });

  it("refuses an unknown template, missing variables and gaps, and saves nothing", async () => {
    const owner = await ownerWithTemplate();
    const unknown = await saveOrderTemplatesAction(
      idleState,
      formData({ shipped_template: "no_such_template" }),
    );
    expect(unknown).toMatchObject({
      status: "error",
      fieldErrors: { shipped_template: ["The store has no utility template with this name."] },
    });
    const short = await saveOrderTemplatesAction(
      idleState,
      formData({ confirmation_template: "order_paid", confirmation_var1: "order_number" }),
    );
    expect(short).toMatchObject({
      fieldErrors: { confirmation_template: ["Fill every variable the template has."] },
    });
    const gap = await saveOrderTemplatesAction(
      idleState,
      formData({ confirmation_template: "order_paid", confirmation_var2: "total" }),
    );
    expect(gap).toMatchObject({ status: "error" });
    expect(readOrderTemplates((await storeRow(db(), owner.store.id))!.settings)).toEqual({});
  });

  it("an agent cannot change them", async () => {
    const owner = await ownerWithTemplate();
    await db()
      .update(storeMembers)
      .set({ role: "agent" })
      .where(eq(storeMembers.userId, owner.userId));
    const state = await saveOrderTemplatesAction(
      idleState,
      formData({
        confirmation_template: "order_paid",
        confirmation_var1: "order_number",
        confirmation_var2: "total",
      }),
    );
    expect(state).toMatchObject({ status: "error" });
    expect(readOrderTemplates((await storeRow(db(), owner.store.id))!.settings)).toEqual({});
  });
});
