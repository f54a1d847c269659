import { eq } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { conversations, customers, orders, qrCodes } from "@/db/schema";
import type { Database } from "@/db/drivers";
import { type AnalyticsWindow, localDay } from "@/lib/analytics/range";
import {
  type TravellerFigures,
  travellerJourney,
  travellerTotals,
} from "@/lib/analytics/traveller";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  seededRandom,
  sortedMedian,
  TEST_WINDOWS,
  type TestStore,
  twoStores,
} from "./sections-fixtures";
import { seedTravellerStore } from "./traveller-fixtures";

const db = setupTestDatabase();
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const DAY = 86_400_000;

type Traveller = {
  qrCodeId: string | null;
  qrCodeName: string | null;
  country: string;
  dayOf: number;
  later: number;
  paidLater: boolean;
  days: number | null;
};

function figures(travellers: Traveller[]): TravellerFigures {
  const days = travellers.filter((t) => t.days !== null).map((t) => t.days!);
  return {
    customers: travellers.length,
    payingCustomers: days.length,
    returningCustomers: travellers.filter((t) => t.paidLater).length,
    dayOfScanRevenueMinor: travellers.reduce((sum, t) => sum + t.dayOf, 0),
    laterRevenueMinor: travellers.reduce((sum, t) => sum + t.later, 0),
    medianDaysToFirstPaidOrder: sortedMedian(days),
  };
}

function countries(travellers: Traveller[]) {
  return [...new Set(travellers.map((t) => t.country))]
    .sort(byText)
    .map((country) => ({ country, ...figures(travellers.filter((t) => t.country === country)) }));
}

/** The journey by brute force from the store's raw rows, read back with plain selects. */
async function reference(database: Database, store: TestStore, window: AnalyticsWindow) {
  const [chats, people, codes, sales] = await Promise.all([
    database.select().from(conversations).where(eq(conversations.storeId, store.id)),
    database.select().from(customers).where(eq(customers.storeId, store.id)),
    database.select().from(qrCodes).where(eq(qrCodes.storeId, store.id)),
    database.select().from(orders).where(eq(orders.storeId, store.id)),
  ]);
  const dayOf = (at: Date) => localDay(store.timezone, at);
  const travellers: Traveller[] = [];
  for (const person of people) {
    const first = chats
      .filter((c) => c.customerId === person.id)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))[0];
    if (!first || first.source !== "qr") continue;
    if (first.createdAt < window.start || first.createdAt >= window.end) continue;
    const scanDay = dayOf(first.createdAt);
    const paid = sales.filter(
      (o) =>
        o.customerId === person.id &&
        (o.status === "paid" || o.status === "refunded") &&
        o.currency === store.currency &&
        o.paidAt !== null &&
        dayOf(o.paidAt) >= scanDay,
    );
    const net = (list: typeof paid) =>
      list.reduce((sum, o) => sum + o.totalMinor - o.refundedMinor, 0);
    const firstPaidDay = paid.map((o) => dayOf(o.paidAt!)).sort()[0];
    const digits = (person.phone ?? person.waId ?? "").replace(/\D/g, "");
    travellers.push({
      qrCodeId: first.qrCodeId,
      qrCodeName: codes.find((q) => q.id === first.qrCodeId)?.name ?? null,
      country: (digits && parsePhoneNumberFromString(`+${digits}`)?.country) || "unknown",
      dayOf: net(paid.filter((o) => dayOf(o.paidAt!) === scanDay)),
      later: net(paid.filter((o) => dayOf(o.paidAt!) > scanDay)),
      paidLater: paid.some((o) => dayOf(o.paidAt!) > scanDay),
      days:
        firstPaidDay === undefined
          ? null
          : Math.round((Date.parse(firstPaidDay) - Date.parse(scanDay)) / DAY),
    });
  }
  const codeIds = [...new Set(travellers.map((t) => t.qrCodeId))].sort((a, b) =>
    byText(a ?? "", b ?? ""),
  );
  return {
    totals: figures(travellers),
    byCountry: countries(travellers),
    byQrCode: codeIds.map((qrCodeId) => {
      const group = travellers.filter((t) => t.qrCodeId === qrCodeId);
      return {
        qrCodeId,
        qrCodeName: group[0]!.qrCodeName,
        ...figures(group),
        countries: countries(group),
      };
    }),
  };
}

const revenue = (row: TravellerFigures) => row.dayOfScanRevenueMinor + row.laterRevenueMinor;

describe(`traveller journey [${testDbBackend}]`, () => {
  it("equals a brute-force count over random travellers, per store, across DST and the window's edges", async () => {
    const stores = await twoStores(db());
    for (const [index, window] of TEST_WINDOWS.entries()) {
      for (const store of stores) {
        await seedTravellerStore(
          db(),
          store,
          window,
          seededRandom(1000 * index + stores.indexOf(store)),
        );
      }
    }
    let travellersSeen = 0;
    for (const window of TEST_WINDOWS) {
      for (const store of stores) {
        const journey = await travellerJourney(db(), store, window);
        const expected = await reference(db(), store, window);
        travellersSeen += expected.totals.customers;

        expect(journey.totals).toEqual(expected.totals);
        // The Overview card's totals, summed in SQL, are the same figures.
        expect(await travellerTotals(db(), store, window)).toEqual({
          customers: expected.totals.customers,
          laterRevenueMinor: expected.totals.laterRevenueMinor,
        });
        expect([...journey.byCountry].sort((a, b) => byText(a.country, b.country))).toEqual(
          expected.byCountry,
        );
        const byCode = [...journey.byQrCode]
          .sort((a, b) => byText(a.qrCodeId ?? "", b.qrCodeId ?? ""))
          .map(({ archived: _archived, countries, ...row }) => ({
            ...row,
            countries: [...countries].sort((a, b) => byText(a.country, b.country)),
          }));
        expect(byCode).toEqual(expected.byQrCode);
        // Rows come biggest first.
        for (const list of [journey.byCountry, journey.byQrCode]) {
          for (let i = 1; i < list.length; i += 1) {
            expect(revenue(list[i - 1]!)).toBeGreaterThanOrEqual(revenue(list[i]!));
          }
        }
      }
    }
    // The data exercised what it should: travellers, several countries, a deleted code.
    expect(travellersSeen).toBeGreaterThan(40);
  });

  it("names the archived code, keeps the deleted code's travellers in a row of their own and reads countries", async () => {
    const [store] = await twoStores(db());
    const window = TEST_WINDOWS[0]!;
    await seedTravellerStore(db(), store, window, seededRandom(7));
    const journey = await travellerJourney(db(), store, window);
    const names = journey.byQrCode.map((row) => row.qrCodeName);
    expect(names).toContain(null);
    expect(journey.byQrCode.find((row) => row.qrCodeName === "Window poster")?.archived).toBe(true);
    const seen = new Set(journey.byCountry.map((row) => row.country));
    expect(seen).toContain("unknown");
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });
});
