import { and, eq } from "drizzle-orm";
import { isValidElement, type ReactNode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { saveRecoverySettingsAction } from "@/app/(dashboard)/dashboard/recovery/settings/actions/save-recovery-settings";
import RecoverySettingsPage from "@/app/(dashboard)/dashboard/recovery/settings/page";
import type { Database } from "@/db/drivers";
import { messageTemplates, recoveryPrograms, storeMembers } from "@/db/schema";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import en from "@/lib/dashboard-i18n/messages/en";
import { idleState } from "@/lib/forms/action-state";
import { loadRecoveryProgram } from "@/lib/recovery/program";
import { unavailableTemplateSteps } from "@/lib/recovery/save-settings";
import { defaultRecoverySettings } from "@/lib/recovery/settings";
import { recoveryFormValues } from "@/lib/recovery/settings-form";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const getDb = setupTestDatabase();
const words = en.recoverySettings;
type Owner = Awaited<ReturnType<typeof createOwnerWithStore>>;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** The form as the page first shows it (the defaults), switched on, with `changes`. */
const submit = (owner: Owner, changes: Record<string, string> = {}) =>
  saveRecoverySettingsAction(
    idleState,
    form({
      ...recoveryFormValues(
        { enabled: true, settings: defaultRecoverySettings() },
        owner.store.currency,
      ),
      ...changes,
    }),
  );

const programRow = async (db: Database, storeId: string) =>
  (await db.select().from(recoveryPrograms).where(eq(recoveryPrograms.storeId, storeId)))[0];

async function addTemplate(db: Database, storeId: string, variableCount = 2) {
  await db.insert(messageTemplates).values({
    storeId,
    name: "cart_reminder",
    language: "en",
    category: "marketing",
    body: "Hi {{1}}, your {{2}} is waiting.",
    variableCount,
  });
}

/** The text of the element with `testId` in a rendered server component's tree. */
function textOf(node: ReactNode, testId: string): string | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = textOf(child, testId);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isValidElement(node)) return null;
  const props = node.props as { children?: ReactNode; "data-testid"?: string };
  if (props["data-testid"] === testId) return plainText(props.children);
  return textOf(props.children, testId);
}
function plainText(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(plainText).join("");
  if (isValidElement(node)) return plainText((node.props as { children?: ReactNode }).children);
  return "";
}

describe(`saving the recovery settings [${testDbBackend}]`, () => {
  let owner: Owner;
  let other: Owner;
  beforeEach(async () => {
    owner = await createOwnerWithStore(getDb());
    other = await createOwnerWithStore(getDb(), { currency: "USD" });
    actAs({ userId: owner.userId, email: owner.email });
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("switches recovery on with the settings typed, which the engine then reads", async () => {
    const db = getDb();
    expect(await loadRecoveryProgram(db, owner.store.id)).toMatchObject({
      enabled: false,
      saved: false,
    });
    const saved = await submit(owner, {
      abandonAfter: "30",
      abandonAfterUnit: "minutes",
      step2Incentive: "amount",
      step2Amount: "500",
      quietStart: "22:00",
      quietEnd: "08:00",
      attributionDays: "7",
      sequenceGapDays: "14",
    });
    expect(saved).toEqual({ status: "success", message: words.outcomes.saved });
    const program = await loadRecoveryProgram(db, owner.store.id);
    expect(program).toMatchObject({ enabled: true, saved: true });
    expect(program?.settings).toEqual({
      ...defaultRecoverySettings(),
      abandonAfterMinutes: 30,
      steps: defaultRecoverySettings().steps.map((step, index) =>
        index === 2
          ? { ...step, incentive: { kind: "amount", amountMinor: 500, validHours: 48 } }
          : step,
      ),
      quietHours: { start: "22:00", end: "08:00" },
      attributionDays: 7,
      sequenceGapDays: 14,
    });
    expect((await programRow(db, owner.store.id))?.updatedBy).toBe(owner.userId);

    // Unticked, it switches off again and keeps the settings.
    const values = recoveryFormValues(program!, "JPY");
    delete values.enabled;
    await saveRecoverySettingsAction(idleState, form(values));
    expect(await loadRecoveryProgram(db, owner.store.id)).toMatchObject({
      enabled: false,
      settings: { abandonAfterMinutes: 30 },
    });
  });

  it("stores an amount in the store's currency as exact minor units (USD cents)", async () => {
    actAs({ userId: other.userId, email: other.email });
    expect(
      await submit(other, { step0Incentive: "amount", step0Amount: "5.25", step0ValidHours: "24" }),
    ).toMatchObject({ status: "success" });
    expect((await loadRecoveryProgram(getDb(), other.store.id))?.settings.steps[0]).toMatchObject({
      incentive: { kind: "amount", amountMinor: 525, validHours: 24 },
    });
  });

  it("refuses bad input with field errors and saves nothing", async () => {
    const db = getDb();
    const refused = await submit(owner, {
      step1Delay: "30",
      step1DelayUnit: "minutes",
      step2Incentive: "percent",
      step2Percent: "150",
      attributionDays: "31",
      quietStart: "21:00",
      quietEnd: "21:00",
      abandonAfter: "48",
    });
    expect(refused).toMatchObject({
      status: "error",
      message: words.errors.invalid,
      fieldErrors: {
        step1Delay: [words.errors.delaysIncreasing],
        step2Percent: [words.errors.percent],
        attributionDays: ["At most 30"],
        quietEnd: [words.errors.quietSame],
        abandonAfter: [words.errors.abandonRange],
      },
      values: { attributionDays: "31", step2Percent: "150" },
    });
    expect(await submit(owner, { steps: "4" })).toMatchObject({
      fieldErrors: { steps: [words.errors.tooManySteps] },
    });
    expect(await programRow(db, owner.store.id)).toBeUndefined();

    await submit(owner, { attributionDays: "9" });
    await submit(owner, { attributionDays: "0", enabled: "" });
    expect(await loadRecoveryProgram(db, owner.store.id)).toMatchObject({
      enabled: true,
      settings: { attributionDays: 9 },
    });
  });

  it("takes a step's template only from the store's approved ones, with each variable mapped", async () => {
    const db = getDb();
    const withTemplate = (changes: Record<string, string> = {}) =>
      submit(owner, {
        step2Template: "cart_reminder:en",
        step2Var1: "name",
        step2Var2: "items",
        ...changes,
      });
    // Not the store's (the other store has it): refused.
    await addTemplate(db, other.store.id);
    expect(await withTemplate()).toMatchObject({
      status: "error",
      fieldErrors: { step2Template: [words.errors.unknownTemplate] },
    });
    await addTemplate(db, owner.store.id);
    expect(await withTemplate({ step2Var2: "" })).toMatchObject({
      fieldErrors: { step2Template: ["This template has 2 variables: map each of them"] },
    });
    expect(await programRow(db, owner.store.id)).toBeUndefined();
    expect(await withTemplate()).toMatchObject({ status: "success" });
    expect((await loadRecoveryProgram(db, owner.store.id))?.settings.steps[2]?.template).toEqual({
      name: "cart_reminder",
      language: "en",
      variables: ["name", "items"],
    });
    expect(
      await unavailableTemplateSteps(
        db,
        owner.store.id,
        (await loadRecoveryProgram(db, owner.store.id))!.settings,
      ),
    ).toEqual([]);
  });

  it("warns about a step whose template was deleted or paused, and still saves other changes", async () => {
    const db = getDb();
    await addTemplate(db, owner.store.id);
    await submit(owner, {
      step2Template: "cart_reminder:en",
      step2Var1: "name",
      step2Var2: "link",
    });
    const page = async () => textOf(await RecoverySettingsPage(), "template-warning");
    expect(await page()).toBeNull();

    await db
      .update(messageTemplates)
      .set({ status: "paused" })
      .where(and(eq(messageTemplates.storeId, owner.store.id)));
    const settings = (await loadRecoveryProgram(db, owner.store.id))!.settings;
    expect(await unavailableTemplateSteps(db, owner.store.id, settings)).toEqual([3]);
    expect(await page()).toBe(
      `${words.warning.title}${words.warning.body.replace("{steps}", "3")}`,
    );

    await db.delete(messageTemplates).where(eq(messageTemplates.storeId, owner.store.id));
    expect(await unavailableTemplateSteps(db, owner.store.id, settings)).toEqual([3]);
    // The owner can still change something else; a template the store never had is refused.
    const kept = recoveryFormValues({ enabled: true, settings }, "JPY");
    expect(
      await saveRecoverySettingsAction(idleState, form({ ...kept, attributionDays: "3" })),
    ).toMatchObject({ status: "success" });
    expect(
      await saveRecoverySettingsAction(
        idleState,
        form({ ...kept, step0Template: "never_had:en", step0Var1: "name" }),
      ),
    ).toMatchObject({ fieldErrors: { step0Template: [words.errors.unknownTemplate] } });
    expect((await loadRecoveryProgram(db, owner.store.id))?.settings).toMatchObject({
      attributionDays: 3,
      steps: [{ template: null }, { template: null }, { template: { name: "cart_reminder" } }],
    });
  });

  it("lets an agent see the page but not save", async () => {
    const db = getDb();
    await db
      .insert(storeMembers)
      .values({ storeId: owner.store.id, userId: other.userId, role: "agent" });
    actAs({ userId: other.userId, email: other.email });
    setCookie(ACTIVE_STORE_COOKIE, owner.store.slug);
    expect(await submit(owner)).toMatchObject({
      status: "error",
      message: words.errors.owner_only,
    });
    expect(await programRow(db, owner.store.id)).toBeUndefined();
    expect(plainText(await RecoverySettingsPage())).toContain(words.readOnly);
  });

  it("changes only the signed-in owner's store, whatever the form or cookie names", async () => {
    const db = getDb();
    actAs({ userId: other.userId, email: other.email });
    await submit(other, { attributionDays: "2" });
    // Owner A picking store B (not theirs) by the store cookie is refused outright.
    actAs({ userId: owner.userId, email: owner.email });
    setCookie(ACTIVE_STORE_COOKIE, other.store.slug);
    await expect(submit(owner, { attributionDays: "20" })).rejects.toSatisfy((error: unknown) =>
      /NEXT_HTTP_ERROR_FALLBACK;404/.test(String((error as { digest?: string }).digest)),
    );
    // Naming store B in the form changes only A's own store.
    setCookie(ACTIVE_STORE_COOKIE, undefined);
    expect(
      await submit(owner, { storeId: other.store.id, attributionDays: "20", enabled: "" }),
    ).toMatchObject({ status: "success" });
    expect(await loadRecoveryProgram(db, other.store.id)).toMatchObject({
      enabled: true,
      settings: { attributionDays: 2 },
    });
    expect(await loadRecoveryProgram(db, owner.store.id)).toMatchObject({
      settings: { attributionDays: 20 },
    });
  });
});
