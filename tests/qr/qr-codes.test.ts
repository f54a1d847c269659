import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { clicks, products, qrCodes, type NewClick } from "@/db/schema";
import {
  createQrCode,
  findQrCodeByCode,
  getQrCode,
  listQrCodes,
  setQrCodeArchived,
  updateQrCode,
} from "@/lib/qr/codes";
import { qrCodeFieldsSchema } from "@/lib/qr/form-schema";
import { QR_CODE_PATTERN } from "@/lib/qr/public-code";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";

const db = setupTestDatabase();

type Store = Awaited<ReturnType<typeof createOwnerWithStore>>["store"];

async function addProduct(store: Store, slug: string, active = true) {
  const [row] = await db()
    .insert(products)
    .values({
      storeId: store.id,
      slug,
      sku: slug.toUpperCase(),
      name: `Product ${slug}`,
      priceMinor: 1000,
      currency: store.currency,
      active,
    })
    .returning();
  return row!;
}

let refCounter = 0;
function click(store: Store, qrCodeId: string | null, createdAt: Date): NewClick {
  refCounter += 1;
  return {
    storeId: store.id,
    ref: `R${String(refCounter).padStart(5, "2")}`,
    source: qrCodeId ? "qr" : "widget",
    qrCodeId,
    language: "en",
    deviceClass: "mobile",
    createdAt,
  };
}

const fields = (values: Record<string, string>) => qrCodeFieldsSchema.parse(values);

describe(`QR codes [${testDbBackend}]`, () => {
  let store: Store;
  let other: Store;

  beforeEach(async () => {
    store = (await createOwnerWithStore(db(), { storeName: "Gion Tea" })).store;
    other = (await createOwnerWithStore(db(), { storeName: "Other Shop" })).store;
  });

  it("creates a code with a public id from the ref alphabet", async () => {
    const result = await createQrCode(db(), store.id, fields({ name: "Shop card — Gion store" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.qrCode).toMatchObject({
      storeId: store.id,
      name: "Shop card — Gion store",
      productId: null,
      prefilledMessage: null,
      archivedAt: null,
    });
    expect(result.qrCode.code).toMatch(QR_CODE_PATTERN);
    expect(result.qrCode.code).toHaveLength(6);
    expect(await findQrCodeByCode(db(), store.id, result.qrCode.code.toLowerCase())).toEqual(
      result.qrCode,
    );
    expect(await findQrCodeByCode(db(), other.id, result.qrCode.code)).toBeUndefined();
  });

  it("retries with a new code when the random one is taken in the store (unique constraint)", async () => {
    const taken = ["ABCDEF", "ABCDEF", "ABCDEF", "GHJKMN"];
    const first = await createQrCode(db(), store.id, fields({ name: "One" }), () => "ABCDEF");
    const second = await createQrCode(db(), store.id, fields({ name: "Two" }), () =>
      taken.shift()!,
    );
    expect(first.ok && first.qrCode.code).toBe("ABCDEF");
    expect(second.ok && second.qrCode.code).toBe("GHJKMN");
    expect(taken).toEqual([]);
    // Another store may hold the same code.
    const elsewhere = await createQrCode(db(), other.id, fields({ name: "Three" }), () => "ABCDEF");
    expect(elsewhere.ok && elsewhere.qrCode.code).toBe("ABCDEF");
    await expect(
      createQrCode(db(), store.id, fields({ name: "Four" }), () => "ABCDEF"),
    ).rejects.toThrow(/No free QR code id/);
  });

  it("gives concurrent creations distinct codes", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createQrCode(db(), store.id, fields({ name: `Card ${i}` })),
      ),
    );
    const codes = results.map((result) => (result.ok ? result.qrCode.code : null));
    expect(new Set(codes).size).toBe(12);
  });

  it("points a code only at an active product of the same store", async () => {
    const matcha = await addProduct(store, "matcha-set");
    const archived = await addProduct(store, "old-tea", false);
    const foreign = await addProduct(other, "foreign-tea");
    const ok = await createQrCode(
      db(),
      store.id,
      fields({
        name: "Matcha set display",
        productId: matcha.id,
        prefilledMessage: "  Hi! About the matcha set  ",
      }),
    );
    expect(ok.ok && ok.qrCode).toMatchObject({
      productId: matcha.id,
      prefilledMessage: "Hi! About the matcha set",
    });
    for (const productId of [archived.id, foreign.id]) {
      const refused = await createQrCode(db(), store.id, fields({ name: "Nope", productId }));
      expect(refused).toEqual({
        ok: false,
        fieldErrors: { productId: ["Choose one of the store's active products"] },
      });
    }
    expect(await db().select().from(qrCodes).where(eq(qrCodes.name, "Nope"))).toEqual([]);
  });

  it("edits name, target and message but keeps the printed code; keeps an archived product it had", async () => {
    const tea = await addProduct(store, "tea");
    const created = await createQrCode(
      db(),
      store.id,
      fields({ name: "Tea display", productId: tea.id }),
    );
    if (!created.ok) throw new Error("create failed");
    const { id, code } = created.qrCode;
    await db().update(products).set({ active: false }).where(eq(products.id, tea.id));

    const renamed = await updateQrCode(
      db(),
      store.id,
      id,
      fields({ name: "Tea shelf", productId: tea.id }),
    );
    expect(renamed.ok && renamed.qrCode).toMatchObject({
      name: "Tea shelf",
      code,
      productId: tea.id,
    });

    const toStore = await updateQrCode(
      db(),
      store.id,
      id,
      fields({ name: "Counter", prefilledMessage: "Hello!" }),
    );
    expect(toStore.ok && toStore.qrCode).toMatchObject({
      code,
      productId: null,
      prefilledMessage: "Hello!",
    });

    const backToArchived = await updateQrCode(
      db(),
      store.id,
      id,
      fields({ name: "X", productId: tea.id }),
    );
    expect(backToArchived).toMatchObject({
      ok: false,
      fieldErrors: { productId: expect.any(Array) },
    });
    expect(await updateQrCode(db(), other.id, id, fields({ name: "Hijack" }))).toEqual({
      ok: false,
      notFound: true,
    });
    expect((await getQrCode(db(), store.id, id))?.name).toBe("Counter");
  });

  it("archives and restores only the store's own code", async () => {
    const created = await createQrCode(db(), store.id, fields({ name: "Flyer" }));
    if (!created.ok) throw new Error("create failed");
    const { id } = created.qrCode;
    expect(await setQrCodeArchived(db(), other.id, id, true)).toBe(false);
    expect((await getQrCode(db(), store.id, id))?.archivedAt).toBeNull();
    expect(await setQrCodeArchived(db(), store.id, id, true)).toBe(true);
    const archivedAt = (await getQrCode(db(), store.id, id))?.archivedAt;
    expect(archivedAt).toBeInstanceOf(Date);
    // Archiving again keeps the first date.
    await setQrCodeArchived(db(), store.id, id, true);
    expect((await getQrCode(db(), store.id, id))?.archivedAt).toEqual(archivedAt);
    expect(await setQrCodeArchived(db(), store.id, id, false)).toBe(true);
    expect((await getQrCode(db(), store.id, id))?.archivedAt).toBeNull();
  });

  it("lists codes with scan counts and last scan from clicks, per store, live ones first", async () => {
    const make = async (name: string, productId?: string) => {
      const result = await createQrCode(
        db(),
        store.id,
        fields({ name, productId: productId ?? "" }),
      );
      if (!result.ok) throw new Error("create failed");
      return result.qrCode;
    };
    const matcha = await addProduct(store, "matcha");
    const card = await make("Shop card");
    const display = await make("Matcha display", matcha.id);
    const unused = await make("Unused");
    const old = await make("Old flyer");
    await setQrCodeArchived(db(), store.id, old.id, true);
    const otherCode = await createQrCode(db(), other.id, fields({ name: "Elsewhere" }));
    if (!otherCode.ok) throw new Error("create failed");

    const t = (day: number) => new Date(Date.UTC(2025, 5, day, 3));
    await db()
      .insert(clicks)
      .values([
        click(store, card.id, t(1)),
        click(store, card.id, t(9)),
        click(store, card.id, t(4)),
        click(store, display.id, t(2)),
        click(store, old.id, t(3)),
        click(store, null, t(10)),
        click(other, otherCode.qrCode.id, t(11)),
      ]);

    const list = await listQrCodes(db(), store.id);
    expect(list.map((row) => [row.name, row.scans, row.lastScanAt?.toISOString() ?? null])).toEqual(
      expect.arrayContaining([
        ["Shop card", 3, t(9).toISOString()],
        ["Matcha display", 1, t(2).toISOString()],
        ["Unused", 0, null],
        ["Old flyer", 1, t(3).toISOString()],
      ]),
    );
    expect(list).toHaveLength(4);
    expect(list.at(-1)?.name).toBe("Old flyer");
    expect(list.find((row) => row.id === display.id)).toMatchObject({
      productName: "Product matcha",
      productSlug: "matcha",
      productActive: true,
    });
    expect(list.some((row) => row.name === "Elsewhere")).toBe(false);
    expect(await getQrCode(db(), store.id, otherCode.qrCode.id)).toBeUndefined();
    expect(await getQrCode(db(), store.id, unused.id)).toMatchObject({
      scans: 0,
      lastScanAt: null,
    });
  });
});
