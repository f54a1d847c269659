import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import OrderPage from "@/app/(dashboard)/dashboard/orders/[number]/page";
import { stopRecoveryAction } from "@/app/(dashboard)/dashboard/recovery/actions/stop-recovery";
import RecoveryPage from "@/app/(dashboard)/dashboard/recovery/page";
import { orders, storeMembers } from "@/db/schema";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import en from "@/lib/dashboard-i18n/messages/en";
import { idleState } from "@/lib/forms/action-state";
import { pageText } from "../catalog/product-test-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import {
  abandonAt,
  at,
  createRecoveryShop,
  HOUR,
  leaveCart,
  type RecoveryShop,
  recoveryById,
  recoveryOfCart,
  stepsOf,
  T0,
} from "./helpers";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const getDb = setupTestDatabase();
const words = en.recoveryReport;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** A recovery shop with a member signed in as `role`, working in that shop. */
async function shopWithMember(role: "owner" | "agent") {
  const db = getDb();
  const shop = await createRecoveryShop(db);
  const user = await createOwnerWithStore(db);
  await db.insert(storeMembers).values({ storeId: shop.store.id, userId: user.userId, role });
  actAs({ userId: user.userId, email: user.email });
  setCookie(ACTIVE_STORE_COOKIE, shop.store.slug);
  return { shop, user };
}

async function activeRecovery(shop: RecoveryShop) {
  const cart = await leaveCart(getDb(), shop, T0);
  await abandonAt(getDb(), at(T0, HOUR));
  return (await recoveryOfCart(getDb(), cart.id))!;
}

const stop = (recoveryId: string) => stopRecoveryAction(idleState, form({ recoveryId }));

describe(`the Recovery page's Stop [${testDbBackend}]`, () => {
  beforeEach(() => {
    actAs(null);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("lets the owner stop an active recovery: its open steps are cancelled", async () => {
    const { shop } = await shopWithMember("owner");
    const recovery = await activeRecovery(shop);
    expect(await stop(recovery.id)).toEqual({
      status: "success",
      message: words.outcomesOfActions.stopped,
    });
    expect(await recoveryById(getDb(), recovery.id)).toMatchObject({
      status: "stopped",
      stopReason: "stopped_by_owner",
    });
    expect((await stepsOf(getDb(), recovery.id)).map((step) => step.status)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    // Stopping it again says it has ended.
    expect(await stop(recovery.id)).toMatchObject({
      status: "error",
      message: words.errors.not_active,
    });
  });

  it("never stops another store's recovery", async () => {
    const { shop } = await shopWithMember("owner");
    const other = await createRecoveryShop(getDb());
    const theirs = await activeRecovery(other);
    await activeRecovery(shop);
    expect(await stop(theirs.id)).toMatchObject({
      status: "error",
      message: words.errors.not_active,
    });
    expect((await recoveryById(getDb(), theirs.id)).status).toBe("active");
    expect((await stepsOf(getDb(), theirs.id)).map((step) => step.status)).toEqual([
      "scheduled",
      "scheduled",
      "scheduled",
    ]);
  });

  it("refuses an agent, and a malformed id", async () => {
    const { shop } = await shopWithMember("agent");
    const recovery = await activeRecovery(shop);
    expect(await stop(recovery.id)).toMatchObject({
      status: "error",
      message: words.errors.owner_only,
    });
    expect((await recoveryById(getDb(), recovery.id)).status).toBe("active");

    await getDb()
      .update(storeMembers)
      .set({ role: "owner" })
      .where(eq(storeMembers.storeId, shop.store.id));
    expect(await stop("not-a-uuid")).toMatchObject({
      status: "error",
      message: words.errors.invalid,
    });
  });

  it("the pages show this store's recoveries only, and the order page says which step recovered it", async () => {
    const { shop } = await shopWithMember("owner");
    const mine = await activeRecovery(shop);
    const other = await createRecoveryShop(getDb());
    const theirs = await activeRecovery(other);
    const page = pageText(await RecoveryPage({ searchParams: Promise.resolve({}) }));
    expect(page).toContain(words.title);
    expect(page).toContain(mine.id);
    expect(page).not.toContain(theirs.id);

    const [recovered] = await getDb()
      .insert(orders)
      .values({
        storeId: shop.store.id,
        number: "REC-2",
        status: "paid",
        currency: "JPY",
        subtotalMinor: 4200,
        totalMinor: 4200,
        paidAt: at(T0, 3 * HOUR),
        recoveryId: mine.id,
        recoveryStep: 2,
      })
      .returning();
    const [plain] = await getDb()
      .insert(orders)
      .values({
        storeId: shop.store.id,
        number: "PLAIN-1",
        status: "paid",
        currency: "JPY",
        subtotalMinor: 4200,
        totalMinor: 4200,
        paidAt: at(T0, 3 * HOUR),
      })
      .returning();
    const orderPage = (number: string) =>
      OrderPage({ params: Promise.resolve({ number }) }).then(pageText);
    // The dictionary travels in the props too: look for the badge itself.
    const badge = '"data-testid":"recovered-by-step","children":"Recovered by step 2"';
    expect(await orderPage(recovered!.number)).toContain(badge);
    expect(await orderPage(plain!.number)).not.toContain('"data-testid":"recovered-by-step"');
  });
});
