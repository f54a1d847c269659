import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { storeMembers, users } from "@/db/schema";
import { GET as getOrders } from "@/app/(dashboard)/dashboard/analytics/export/orders/route";
import { GET as getConversions } from "@/app/(dashboard)/dashboard/analytics/export/conversions/route";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import {
  compareConversionRows,
  conversionExportCells,
  conversionsCsv,
} from "@/lib/analytics/export/conversions";
import { encodeCell } from "@/lib/analytics/export/csv";
import { ordersCsv } from "@/lib/analytics/export/orders";
import { localDay, windowOf } from "@/lib/analytics/range";
import { createRng } from "@/lib/demo/seed/random";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import { parseCsv, readCsvStream } from "./csv-parse";
import { expectedConversionRows, expectedOrderRows, writeRandomStoreData } from "./export-fixtures";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", () => import("../support/fake-next"));
vi.mock("next/cache", () => import("../support/fake-next"));

const db = setupTestDatabase();
const NEW_YORK = "America/New_York";
// Across the spring-forward change (2026-03-08) in New York.
const window = windowOf({ from: "2026-03-03", to: "2026-03-12" }, NEW_YORK);
const SEED = Number(process.env.EXPORT_TEST_SEED ?? Date.now() % 1_000_000);

type Owner = Awaited<ReturnType<typeof createOwnerWithStore>>;
let alice: Owner;
let bob: Owner;

beforeAll(async () => {
  alice = await createOwnerWithStore(db(), { timezone: NEW_YORK, currency: "USD" });
  bob = await createOwnerWithStore(db(), { timezone: "Asia/Tokyo", currency: "JPY" });
  const rng = createRng(SEED);
  await writeRandomStoreData(db(), alice.store, window, rng.fork("alice"));
  await writeRandomStoreData(db(), bob.store, window, rng.fork("bob"));
});

describe(`CSV export rows [${testDbBackend}] (seed ${SEED})`, () => {
  it("exports every order created in the range with the values the raw rows give", async () => {
    const expected = await expectedOrderRows(db(), alice.store, window);
    expect(expected.length).toBeGreaterThan(20);
    // A small page size, so the keyset crosses many pages and created_at ties.
    const records = await readCsvStream(ordersCsv(db(), alice.store, window, { pageSize: 7 }));
    expect(records[0]).toEqual([
      "number",
      "created (America/New_York)",
      "paid (America/New_York)",
      "status",
      "currency",
      "subtotal (USD)",
      "discount (USD)",
      "points redeemed",
      "total (USD)",
      "refunded (USD)",
      "net (USD)",
      "source",
      "QR code name",
      "ref",
      "products",
      "recovered",
      "recovery step",
      "points earned",
      "customer country",
    ]);
    expect(records.slice(1)).toEqual(expected);
  });

  it("never shows another store's orders", async () => {
    const records = await readCsvStream(ordersCsv(db(), alice.store, window));
    const bobNumbers = new Set((await expectedOrderRows(db(), bob.store, window)).map((r) => r[0]));
    expect(bobNumbers.size).toBeGreaterThan(0);
    expect(records.filter((record) => bobNumbers.has(record[0]!))).toEqual([]);
  });

  it("exports conversions by local day, source and QR code as the contract defines them", async () => {
    const expected = await expectedConversionRows(db(), alice.store, window);
    expect(expected.some((row) => row.source === "qr" && row.qrCodeId === null)).toBe(true);
    const expectedRecords = expected
      .sort(compareConversionRows)
      .map((row) => conversionExportCells(row, "USD").map(encodeCell))
      .map((cells) => parseCsv(cells.join(",") + "\r\n")[0]);
    // Pages of 3 days: rows must not be lost or doubled at page edges (nor the DST day).
    const records = await readCsvStream(
      conversionsCsv(db(), alice.store, window, { daysPerPage: 3 }),
    );
    expect(records[0]).toEqual([
      "day (America/New_York)",
      "source",
      "QR code name",
      "clicks",
      "chats started",
      "orders",
      "paid orders",
      "net revenue (USD)",
    ]);
    expect(records.slice(1)).toEqual(expectedRecords);
    expect(records.some((r) => r[2] === "(deleted QR code)")).toBe(true);
    expect(records.some((r) => r[2] === "'=evil()")).toBe(true);
    for (const record of records.slice(1)) {
      expect(record[0]! >= window.from && record[0]! <= window.to).toBe(true);
    }
  });
});

describe(`CSV export routes [${testDbBackend}]`, () => {
  const request = (path: string) => new Request(`http://localhost:3000${path}`);
  const days = (from: string, to: string) => `range=custom&from=${from}&to=${to}`;
  const aliceDays = days(window.from, window.to);

  it("lets the owner download the store's orders with a named, time-zoned, BOM'd file", async () => {
    actAs(alice);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
    const response = await getOrders(request(`/dashboard/analytics/export/orders?${aliceDays}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${alice.store.slug}-orders-2026-03-03-to-2026-03-12.csv"`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const records = await readCsvStream(response.body!);
    expect(records.slice(1)).toEqual(await expectedOrderRows(db(), alice.store, window));
  });

  it("lets an agent of the store export, and conversions too", async () => {
    const [agent] = await db()
      .insert(users)
      .values({ id: "agent-export", email: "agent-export@example.test" })
      .returning();
    await db()
      .insert(storeMembers)
      .values({ storeId: alice.store.id, userId: agent!.id, role: "agent" });
    actAs({ userId: agent!.id, email: agent!.email! });
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    const orders = await getOrders(request(`/dashboard/analytics/export/orders?${aliceDays}`));
    expect(orders.status).toBe(200);
    expect((await readCsvStream(orders.body!)).length).toBe(
      (await expectedOrderRows(db(), alice.store, window)).length + 1,
    );
    const conversions = await getConversions(
      request(`/dashboard/analytics/export/conversions?${aliceDays}`),
    );
    expect(conversions.status).toBe(200);
    expect(conversions.headers.get("content-disposition")).toContain(
      `${alice.store.slug}-conversions-2026-03-03-to-2026-03-12.csv`,
    );
    expect((await readCsvStream(conversions.body!))[0]?.[0]).toBe("day (America/New_York)");
    await db().delete(storeMembers).where(eq(storeMembers.userId, agent!.id));
  });

  it("exports only the signed-in member's own store: Bob gets Bob's, and never Alice's", async () => {
    actAs(bob);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
    const response = await getOrders(request(`/dashboard/analytics/export/orders?${aliceDays}`));
    const numbers = (await readCsvStream(response.body!)).slice(1).map((r) => r[0]);
    const bobRows = await expectedOrderRows(db(), bob.store, windowOf(window, "Asia/Tokyo"));
    expect(numbers).toEqual(bobRows.map((r) => r[0]));
    const aliceNumbers = new Set(
      (await expectedOrderRows(db(), alice.store, window)).map((r) => r[0]),
    );
    expect(numbers.some((n) => aliceNumbers.has(n!))).toBe(false);

    // Choosing Alice's store by cookie: not found, never her file.
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    await expect(
      getOrders(request(`/dashboard/analytics/export/orders?${aliceDays}`)),
    ).rejects.toSatisfy((error: unknown) =>
      /NEXT_HTTP_ERROR_FALLBACK;404/.test(String((error as { digest?: string }).digest)),
    );
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("sends a signed-out request to sign in", async () => {
    actAs(null);
    await expect(
      getOrders(request(`/dashboard/analytics/export/orders?range=30d`)),
    ).rejects.toSatisfy((error: unknown) =>
      String((error as { digest?: string }).digest).startsWith("NEXT_REDIRECT"),
    );
  });

  it("answers 400 with the reason for a range it cannot use", async () => {
    actAs(alice);
    const today = localDay(NEW_YORK, new Date());
    for (const query of [
      "range=year",
      "range=custom&from=2026-03-03",
      "range=custom&from=2026-13-01&to=2026-12-31",
      `range=custom&from=2026-03-05&to=2026-03-01`,
      `range=custom&from=2020-01-01&to=${today}`,
      `range=custom&from=${today}&to=2999-01-01`,
    ]) {
      const response = await getOrders(request(`/dashboard/analytics/export/orders?${query}`));
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: string };
      expect(body.error, query).toMatch(/range/);
    }
    const presets = await getConversions(
      request(`/dashboard/analytics/export/conversions?range=7d`),
    );
    expect(presets.status).toBe(200);
    await presets.body?.cancel();
  });
});
