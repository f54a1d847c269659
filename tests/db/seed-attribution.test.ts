import { and, count, countDistinct, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/drivers";
import { clicks, events, orders, qrCodes } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed";
import { REF_ALPHABET } from "@/lib/attribution/refs";
import { listQrCodes } from "@/lib/qr/codes";
import { QR_CODE_PATTERN } from "@/lib/qr/public-code";
import { createTestDatabase, queryRows, testDbBackend } from "../support/database";

const NOW = new Date("2025-06-15T10:23:45Z");
const DAY = 86_400_000;

/** The demo's QR codes and clicks agree with its chats and orders (determinism: seed.test.ts). */
describe(`demo seed: QR codes and clicks [${testDbBackend}]`, () => {
  let handle: DatabaseHandle;
  let db: Database;
  let storeId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    storeId = (await seedDemo(db, { now: NOW })).storeId;
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("has named QR codes, each scanned, the archived flyer only while it was out", async () => {
    const list = await listQrCodes(db, storeId);
    expect(list.map((row) => row.name).sort()).toEqual([
      "Counter card — Arashiyama store",
      "Matcha set display",
      "Shop card — Gion store",
      "Spring tea fair flyer",
    ]);
    const byName = new Map(list.map((row) => [row.name, row]));
    for (const row of list) {
      expect(row.code).toMatch(QR_CODE_PATTERN);
      expect(row.scans).toBeGreaterThan(0);
    }
    const gion = byName.get("Shop card — Gion store")!;
    expect(gion.scans).toBeGreaterThan(byName.get("Matcha set display")!.scans);
    expect(gion.lastScanAt!.getTime()).toBeGreaterThan(NOW.getTime() - 3 * DAY);
    expect(byName.get("Matcha set display")).toMatchObject({
      productSlug: "matcha-ceremony-gift-set",
      archivedAt: null,
    });
    const flyer = byName.get("Spring tea fair flyer")!;
    expect(flyer.archivedAt).not.toBeNull();
    expect(flyer.lastScanAt!.getTime()).toBeLessThan(flyer.archivedAt!.getTime());

    // A scan of a product display is a click about that product.
    const mismatched = await db
      .select({ ref: clicks.ref })
      .from(clicks)
      .innerJoin(qrCodes, eq(qrCodes.id, clicks.qrCodeId))
      .where(sql`${clicks.productId} is distinct from ${qrCodes.productId}`);
    expect(mismatched).toEqual([]);
  });

  it("backs every attributed chat with an earlier click of its source, and has more clicks than chats", async () => {
    const unbacked = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${events} e
          where e.type = 'chat_started' and e.source <> 'unattributed'
            and not exists (
              select 1 from ${clicks} c
              where c.store_id = e.store_id and c.source = e.source
                and c.created_at between e.created_at - interval '5 minutes' and e.created_at)`,
    );
    expect(unbacked[0]?.n).toBe(0);

    const perSource = async (table: typeof clicks | typeof events, type?: string) => {
      const rows = await db
        .select({ source: table.source, n: count() })
        .from(table)
        .where(type ? eq(events.type, type) : undefined)
        .groupBy(table.source);
      return new Map(rows.map((row) => [row.source, row.n]));
    };
    const clickCounts = await perSource(clicks);
    const chatCounts = await perSource(events, "chat_started");
    const orderSources = await db.selectDistinct({ source: orders.source }).from(orders);
    for (const { source } of orderSources) {
      if (source === "unattributed") continue;
      expect(clickCounts.get(source as never) ?? 0).toBeGreaterThan(0);
    }
    for (const [source, chats] of chatCounts) {
      if (source === "unattributed") continue;
      expect(clickCounts.get(source as never) ?? 0).toBeGreaterThanOrEqual(chats);
    }
    const totalClicks = [...clickCounts.values()].reduce((a, b) => a + b, 0);
    const attributedChats = [...chatCounts]
      .filter(([source]) => source !== "unattributed")
      .reduce((sum, [, n]) => sum + n, 0);
    expect(totalClicks / attributedChats).toBeGreaterThan(1.4);
    expect(totalClicks / attributedChats).toBeLessThan(3);
    // A link in a post is tapped far more often per chat than a card in the shop is scanned.
    const ratio = (source: string) =>
      (clickCounts.get(source as never) ?? 0) / (chatCounts.get(source) ?? 1);
    expect(ratio("link")).toBeGreaterThan(ratio("qr") + 1);
  });

  it("gives every click a unique ref, a plausible device and language, and a click event", async () => {
    const [refs] = await db
      .select({ total: count(), distinct: countDistinct(clicks.ref) })
      .from(clicks)
      .where(eq(clicks.storeId, storeId));
    expect(refs?.distinct).toBe(refs?.total);
    const rows = await db.select().from(clicks);
    const refPattern = new RegExp(`^[${REF_ALPHABET}]{5}$`);
    const hour = Math.floor(NOW.getTime() / 3_600_000) * 3_600_000;
    for (const row of rows) {
      expect(row.ref).toMatch(refPattern);
      expect(["en", "ja", "zh-Hans", "ko"]).toContain(row.language);
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(hour);
      expect(row.createdAt.getTime()).toBeGreaterThan(hour - 91 * DAY);
      if (row.source === "qr" || row.source === "desktop_qr")
        expect(row.deviceClass).toBe("mobile");
      expect(row.qrCodeId !== null).toBe(row.source === "qr");
      if (row.source === "product_button") expect(row.productId).not.toBeNull();
    }
    const widgetDevices = new Set(
      rows.filter((row) => row.source === "widget").map((row) => row.deviceClass),
    );
    expect(widgetDevices).toEqual(new Set(["mobile", "desktop", "tablet"]));
    // Travellers scan cards in the shop; the website's visitors are mostly local.
    const foreignShare = (source: string) => {
      const languages = rows.filter((row) => row.source === source).map((row) => row.language);
      return languages.filter((language) => language !== "ja").length / languages.length;
    };
    expect(foreignShare("qr")).toBeGreaterThan(0.2);
    expect(foreignShare("qr")).toBeGreaterThan(foreignShare("widget"));

    const clickEvents = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "click"), isNotNull(events.source)));
    expect(clickEvents).toHaveLength(rows.length);
    const eventByRef = new Map(clickEvents.map((event) => [event.properties.ref, event]));
    for (const row of rows.slice(0, 50)) {
      expect(eventByRef.get(row.ref)).toMatchObject({
        source: row.source,
        createdAt: row.createdAt,
        properties: {
          ref: row.ref,
          click: row.id,
          product: row.productId,
          qr: row.qrCodeId,
          cart: null,
        },
      });
    }
  });
});
