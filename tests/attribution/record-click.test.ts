import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { clicks, events } from "@/db/schema";
import { RefExhaustedError, recordClick, type NewClickInput } from "@/lib/attribution/clicks";
import { generateRef, REF_ALPHABET } from "@/lib/attribution/refs";
import { trackedRedirect } from "@/lib/attribution/tracked-redirect";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type AttributionStore, BROWSER_UA, createAttributionStore, freshIp } from "./fixtures";

const getDb = setupTestDatabase();
let shop: AttributionStore;
let otherShop: AttributionStore;

beforeAll(async () => {
  shop = await createAttributionStore(getDb());
  otherShop = await createAttributionStore(getDb());
});

const click = (storeId = shop.store.id): NewClickInput => ({
  storeId,
  source: "widget",
  language: "en",
  deviceClass: "mobile",
});

async function refsOf(storeId: string): Promise<string[]> {
  const rows = await getDb()
    .select({ ref: clicks.ref })
    .from(clicks)
    .where(eq(clicks.storeId, storeId));
  return rows.map((row) => row.ref);
}

describe(`recordClick [${testDbBackend}]`, () => {
  it("gives 50 concurrent clicks 50 different refs", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => recordClick(getDb(), click())),
    );
    const refs = results.map((result) => result.ref);
    expect(new Set(refs).size).toBe(50);
    for (const ref of refs) expect(ref).toMatch(new RegExp(`^[${REF_ALPHABET}]{5}$`));
    const stored = await refsOf(shop.store.id);
    expect(stored).toEqual(expect.arrayContaining(refs));
  });

  it("retries on a collision: 50 concurrent clicks all drawing the same first ref", async () => {
    const store = (await createAttributionStore(getDb())).store;
    let draws = 0;
    // Each click's first choice is AAAAA; only one can have it.
    const collidingRefs = () => {
      let first = true;
      return () => {
        draws += 1;
        if (!first) return generateRef();
        first = false;
        return "AAAAA";
      };
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        recordClick(getDb(), click(store.id), { generateRef: collidingRefs() }),
      ),
    );
    const refs = results.map((result) => result.ref);
    expect(new Set(refs).size).toBe(50);
    expect(refs.filter((ref) => ref === "AAAAA")).toHaveLength(1);
    // 50 draws of AAAAA, one of which won: 49 retries.
    expect(draws).toBeGreaterThanOrEqual(99);
    const stored = await refsOf(store.id);
    expect(stored).toHaveLength(50);
    expect(new Set(stored).size).toBe(50);
  });

  it("keeps refs unique per store, not across stores", async () => {
    const fixed = () => "BBBBB";
    await recordClick(getDb(), click(shop.store.id), { generateRef: fixed });
    await recordClick(getDb(), click(otherShop.store.id), { generateRef: fixed });
    expect(await refsOf(shop.store.id)).toContain("BBBBB");
    expect(await refsOf(otherShop.store.id)).toContain("BBBBB");
  });

  it("gives up after its attempts without leaving an event behind", async () => {
    await recordClick(getDb(), click(), { generateRef: () => "CCCCC" });
    const eventsBefore = await getDb().$count(events, eq(events.storeId, shop.store.id));
    let draws = 0;
    const stuck = () => {
      draws += 1;
      return "CCCCC";
    };
    await expect(
      recordClick(getDb(), click(), { generateRef: stuck, maxAttempts: 4 }),
    ).rejects.toThrow(RefExhaustedError);
    expect(draws).toBe(4);
    expect(await getDb().$count(events, eq(events.storeId, shop.store.id))).toBe(eventsBefore);
    const [row] = await getDb()
      .select({ count: sql<number>`count(*)::int` })
      .from(clicks)
      .where(and(eq(clicks.storeId, shop.store.id), eq(clicks.ref, "CCCCC")));
    expect(row?.count).toBe(1);
  });

  it("writes the click and its event together, with the same time", async () => {
    const { id, ref } = await recordClick(getDb(), {
      ...click(),
      source: "qr",
      qrCodeId: shop.cardQr.id,
      problems: { product: "unknown:x" },
    });
    const [stored] = await getDb().select().from(clicks).where(eq(clicks.id, id));
    const [event] = await getDb()
      .select()
      .from(events)
      .where(and(eq(events.storeId, shop.store.id), sql`${events.properties}->>'ref' = ${ref}`));
    expect(stored).toMatchObject({
      ref,
      source: "qr",
      qrCodeId: shop.cardQr.id,
      problems: { product: "unknown:x" },
    });
    expect(event).toMatchObject({
      type: "click",
      source: "qr",
      properties: { ref, click: id, qr: shop.cardQr.id },
    });
    expect(event?.createdAt.getTime()).toBe(stored?.createdAt.getTime());
  });
});

describe(`trackedRedirect when recording fails [${testDbBackend}]`, () => {
  it("still sends the shopper to the chat, without a ref, and logs why", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await trackedRedirect(
      getDb(),
      {
        storeSlug: shop.store.slug,
        method: "GET",
        url: new URL(`http://localhost/go/${shop.store.slug}?src=widget&product=uji-matcha`),
        headers: new Headers({ "user-agent": BROWSER_UA }),
        ip: freshIp(),
      },
      {
        generateRef: () => {
          throw new Error("simulated database trouble");
        },
      },
    );
    expect(result).toEqual({
      kind: "redirect",
      ref: null,
      notRecorded: "error",
      location: `https://wa.me/15550001234?text=${encodeURIComponent("Hi! I'd like to know more about Uji Matcha & Sweets #1 🍵")}`,
    });
    expect(logged).toHaveBeenCalledWith(
      expect.stringContaining("recording a click failed"),
      expect.objectContaining({ message: "simulated database trouble" }),
    );
    logged.mockRestore();
  });
});
