import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { adjustBalanceAction } from "@/app/(dashboard)/dashboard/loyalty/actions/adjust-balance";
import { saveProgrammeAction } from "@/app/(dashboard)/dashboard/loyalty/actions/save-programme";
import LoyaltyMemberPage from "@/app/(dashboard)/dashboard/loyalty/members/[customerId]/page";
import { customers, loyaltyLedger, loyaltyPrograms, storeMembers } from "@/db/schema";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import en from "@/lib/dashboard-i18n/messages/en";
import { idleState } from "@/lib/forms/action-state";
import { joinProgramme } from "@/lib/loyalty/membership";
import { loadMemberDetail } from "@/lib/loyalty/member-detail";
import { listMembers } from "@/lib/loyalty/members";
import { loadProgramme } from "@/lib/loyalty/program";
import { defaultLoyaltyRules } from "@/lib/loyalty/rules";
import { rulesFormValues } from "@/lib/loyalty/rules-form";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createLoyaltyShop, type LoyaltyShop, pointsOf } from "./helpers";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const getDb = setupTestDatabase();
const words = en.loyalty;
const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const adjust = (shop: LoyaltyShop, values: Record<string, string>) =>
  adjustBalanceAction(
    idleState,
    form({ customerId: shop.customer.id, note: "Goodwill", requestKey: randomUUID(), ...values }),
  );

const ledgerCount = async (shop: LoyaltyShop) =>
  (await getDb().select().from(loyaltyLedger).where(eq(loyaltyLedger.storeId, shop.store.id)))
    .length;

describe(`the Loyalty page's actions and data [${testDbBackend}]`, () => {
  let shop: LoyaltyShop;
  let other: LoyaltyShop;
  beforeEach(async () => {
    shop = await createLoyaltyShop(getDb()); // joined: 100 points
    other = await createLoyaltyShop(getDb());
    actAs({ userId: shop.userId, email: shop.email });
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("saves a valid programme and refuses bad rules with field errors, saving nothing", async () => {
    const db = getDb();
    const values = rulesFormValues(
      { enabled: true, name: "Kyoto Tea Points", rules: defaultLoyaltyRules("JPY") },
      "JPY",
    );
    const saved = await saveProgrammeAction(idleState, form({ ...values, earnPoints: "2" }));
    expect(saved).toEqual({ status: "success", message: words.outcomes.saved });
    expect((await loadProgramme(db, shop.store.id))?.rules.earnPoints).toBe(2);

    const refused = await saveProgrammeAction(
      idleState,
      form({
        ...values,
        earnPoints: "-3",
        pointValue: "0",
        tier2Threshold: "100",
        name: "Renamed",
      }),
    );
    expect(refused).toMatchObject({
      status: "error",
      message: words.errors.invalid,
      fieldErrors: {
        earnPoints: ["At least 1"],
        pointValue: [words.errors.positiveAmount],
        tier2Threshold: [words.errors.thresholdIncreasing],
      },
      // The form keeps what was typed.
      values: { earnPoints: "-3", pointValue: "0", name: "Renamed" },
    });
    const stored = await loadProgramme(db, shop.store.id);
    expect(stored).toMatchObject({ name: "Kyoto Tea Points", rules: { earnPoints: 2 } });
    // The other store's programme is untouched.
    expect((await loadProgramme(db, other.store.id))?.name).toBe("Test Points");
  });

  it("lets an agent neither save the programme nor adjust a balance", async () => {
    const db = getDb();
    await db
      .insert(storeMembers)
      .values({ storeId: shop.store.id, userId: other.userId, role: "agent" });
    actAs({ userId: other.userId, email: other.email });
    setCookie(ACTIVE_STORE_COOKIE, shop.store.slug);
    const values = rulesFormValues(
      { enabled: false, name: "Agent's", rules: defaultLoyaltyRules("JPY") },
      "JPY",
    );
    expect(await saveProgrammeAction(idleState, form(values))).toMatchObject({
      status: "error",
      message: words.errors.owner_only,
    });
    expect(await adjust(shop, { delta: "50" })).toMatchObject({
      status: "error",
      message: words.errors.owner_only,
    });
    const [row] = await db
      .select()
      .from(loyaltyPrograms)
      .where(eq(loyaltyPrograms.storeId, shop.store.id));
    expect(row?.name).toBe("Test Points");
    expect(await ledgerCount(shop)).toBe(1);
  });

  it("adjusts once per request key and refuses bad amounts with field errors", async () => {
    const db = getDb();
    const requestKey = randomUUID();
    const first = await adjust(shop, { delta: "250", requestKey });
    expect(first).toEqual({ status: "success", message: "Balance adjusted by +250 points." });
    expect(await adjust(shop, { delta: "250", requestKey })).toEqual({
      status: "success",
      message: words.outcomes.alreadyAdjusted,
    });
    expect((await pointsOf(db, shop)).balance).toBe(350);

    const cases: [Record<string, string>, string, string][] = [
      [{ delta: "2.5" }, "delta", words.errors.deltaWhole],
      [{ delta: "0" }, "delta", words.errors.deltaZero],
      [{ delta: "1000001" }, "delta", words.errors.deltaRange],
      [{ delta: "-1000001" }, "delta", words.errors.deltaRange],
      [{ delta: "10", note: "" }, "note", words.errors.noteRequired],
      [
        { delta: "-351" },
        "delta",
        "Only 350 points are available: a deduction cannot go below that.",
      ],
    ];
    for (const [values, field, message] of cases) {
      const result = await adjust(shop, values);
      expect(result, JSON.stringify(values)).toMatchObject({
        status: "error",
        fieldErrors: { [field]: [message] },
      });
    }
    expect(await ledgerCount(shop)).toBe(2);
    // Taking the whole balance, twice with the same key: the second is a duplicate, not a refusal.
    const takeAll = { delta: "-350", requestKey: randomUUID() };
    expect(await adjust(shop, takeAll)).toMatchObject({ status: "success" });
    expect(await adjust(shop, takeAll)).toEqual({
      status: "success",
      message: words.outcomes.alreadyAdjusted,
    });
    const points = await pointsOf(db, shop);
    expect(points).toMatchObject({ balance: 0, sum: 0 });

    const detail = await loadMemberDetail(db, shop.store.id, shop.customer.id, new Date());
    expect(detail?.ledger.map((row) => [row.reason, row.delta, row.note, row.adjustedBy])).toEqual([
      ["adjust", -350, "Goodwill", shop.email],
      ["adjust", 250, "Goodwill", shop.email],
      ["signup", 100, null, null],
    ]);
  });

  it("keeps one store's members, ledger and adjustments out of another's reach", async () => {
    const db = getDb();
    // Signed in to `shop`, aiming at `other`'s customer.
    expect(await adjust(other, { delta: "500" })).toMatchObject({
      status: "error",
      message: words.errors.not_found,
    });
    expect((await pointsOf(db, other)).balance).toBe(100);
    expect(await loadMemberDetail(db, shop.store.id, other.customer.id, new Date())).toBeNull();
    await expect(
      LoyaltyMemberPage({ params: Promise.resolve({ customerId: other.customer.id }) }),
    ).rejects.toSatisfy((error: unknown) =>
      NOT_FOUND.test(String((error as { digest?: string }).digest)),
    );
    await expect(
      LoyaltyMemberPage({ params: Promise.resolve({ customerId: "not-a-uuid" }) }),
    ).rejects.toSatisfy((error: unknown) =>
      NOT_FOUND.test(String((error as { digest?: string }).digest)),
    );
    const list = await listMembers(db, shop.store.id, {}, new Date());
    expect(list.rows.map((row) => row.customerId)).toEqual([shop.customer.id]);
  });

  it("searches members by name or phone digits and sorts them", async () => {
    const db = getDb();
    const now = new Date();
    const people = [
      { name: "Yuki Tanaka", phone: "+819012344567", points: 40 },
      { name: "Ken Sato", phone: "+14155550100", points: 900 },
      { name: "Mika Ito", phone: "+819087650001", points: 300 },
    ];
    for (const [index, person] of people.entries()) {
      const [customer] = await db
        .insert(customers)
        .values({ storeId: shop.store.id, waId: `99${index}${Date.now()}`, ...person })
        .returning();
      await joinProgramme(db, { storeId: shop.store.id, customerId: customer!.id, now });
      actAs({ userId: shop.userId, email: shop.email });
      await adjustBalanceAction(
        idleState,
        form({
          customerId: customer!.id,
          delta: String(person.points),
          note: "Seed",
          requestKey: randomUUID(),
        }),
      );
    }
    const names = async (query: Parameters<typeof listMembers>[2], pageSize?: number) =>
      (await listMembers(db, shop.store.id, query, now, pageSize)).rows.map((row) => row.name);
    expect(await names({ q: "tanaka" })).toEqual(["Yuki Tanaka"]);
    expect(await names({ q: "4155" })).toEqual(["Ken Sato"]);
    expect(await names({ q: "%" })).toEqual([]);
    expect(await names({ sort: "balance" })).toEqual([
      "Ken Sato",
      "Mika Ito",
      "Yuki Tanaka",
      "Aiko",
    ]);
    expect(await names({ sort: "balance", dir: "asc" })).toEqual([
      "Aiko",
      "Yuki Tanaka",
      "Mika Ito",
      "Ken Sato",
    ]);
    expect(await names({ sort: "name" })).toEqual(["Aiko", "Ken Sato", "Mika Ito", "Yuki Tanaka"]);
    const page2 = await listMembers(db, shop.store.id, { sort: "name", page: 2 }, now, 3);
    expect(page2).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(page2.rows.map((row) => row.name)).toEqual(["Yuki Tanaka"]);
    const yuki = (await listMembers(db, shop.store.id, { q: "Yuki" }, new Date())).rows[0];
    expect(yuki).toMatchObject({ phone: "+81 •• •••• 4567", available: 140, pending: 0 });
  });
});
