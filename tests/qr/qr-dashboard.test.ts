import { renderToStaticMarkup } from "react-dom/server";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { products, qrCodes, storeMembers } from "@/db/schema";
import { archiveQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/archive-qr-code";
import { createQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/create-qr-code";
import { restoreQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/restore-qr-code";
import { updateQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/update-qr-code";
import QrCodePage from "@/app/(dashboard)/dashboard/qr/[id]/page";
import ShopCardPage from "@/app/(dashboard)/dashboard/qr/[id]/card/page";
import QrCodesPage from "@/app/(dashboard)/dashboard/qr/page";
import { ACTIVE_STORE_COOKIE } from "@/lib/auth/current-member";
import { idleState } from "@/lib/forms/action-state";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import { messagesFor } from "@/lib/i18n/messages";
import { createQrCode, getQrCode } from "@/lib/qr/codes";
import { qrCodeFieldsSchema } from "@/lib/qr/form-schema";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { actAs, setCookie } from "../support/fake-next";
import { createOwnerWithStore } from "../support/fixtures";
import { decodeSvg } from "./decode-qr";

vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
vi.mock("next/headers", async () => ({
  ...(await import("../support/fake-next")),
  headers: async () => new Headers({ host: "cards.example", "x-forwarded-proto": "https" }),
}));
vi.mock("next/cache", () => import("../support/fake-next"));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
}));

const db = setupTestDatabase();

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;
const expectNotFound = (promise: Promise<unknown>) =>
  expect(promise).rejects.toSatisfy((error: unknown) =>
    NOT_FOUND.test(String((error as { digest?: string }).digest)),
  );

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

type Owner = Awaited<ReturnType<typeof createOwnerWithStore>>;

async function addProduct(owner: Owner, slug: string, name: string) {
  const [row] = await db()
    .insert(products)
    .values({ storeId: owner.store.id, slug, sku: slug, name, priceMinor: 9800, currency: "JPY" })
    .returning();
  return row!;
}

async function newCode(owner: Owner, name: string) {
  const result = await createQrCode(db(), owner.store.id, qrCodeFieldsSchema.parse({ name }));
  if (!result.ok) throw new Error("create failed");
  return result.qrCode;
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const cardProps = (id: string, size?: string) => ({
  ...params(id),
  searchParams: Promise.resolve(size ? { size } : {}),
});

describe(`dashboard QR codes [${testDbBackend}]`, () => {
  let alice: Owner;
  let bob: Owner;

  beforeEach(async () => {
    alice = await createOwnerWithStore(db(), { storeName: "Alice Tea House" });
    bob = await createOwnerWithStore(db(), { storeName: "Bob Bikes" });
    actAs(alice);
    setCookie(ACTIVE_STORE_COOKIE, undefined);
  });

  it("lets the owner create a code for the store or a product, with field errors", async () => {
    const matcha = await addProduct(alice, "matcha-set", "Matcha Ceremony Gift Set");
    const created = await createQrCodeAction(
      idleState,
      form({ name: "Matcha set display", productId: matcha.id, prefilledMessage: "" }),
    );
    expect(created).toEqual({
      status: "success",
      message: "QR code “Matcha set display” created.",
    });
    const [row] = await db().select().from(qrCodes).where(eq(qrCodes.storeId, alice.store.id));
    expect(row).toMatchObject({
      name: "Matcha set display",
      productId: matcha.id,
      prefilledMessage: null,
    });

    const invalid = await createQrCodeAction(
      idleState,
      form({ name: "  ", productId: "not-a-uuid", prefilledMessage: "x".repeat(101) }),
    );
    expect(invalid).toMatchObject({
      status: "error",
      fieldErrors: {
        name: [expect.stringMatching(/Give the code a name/)],
        productId: ["Choose one of the store's products"],
        prefilledMessage: [expect.stringMatching(/100 characters/)],
      },
      values: { name: "  ", productId: "not-a-uuid" },
    });
  });

  it("does not let a member pick another store's product, or see, edit, archive or print its codes", async () => {
    const bobsBike = await addProduct(bob, "road-bike", "Road Bike");
    const aliceCode = await newCode(alice, "Alice counter card");
    await newCode(bob, "Bike shop counter");
    actAs(bob);

    const picked = await createQrCodeAction(
      idleState,
      form({ name: "Sneaky", productId: bobsBike.id }),
    );
    expect(picked.status).toBe("success");
    const alicesProduct = await addProduct(alice, "gyokuro", "Gyokuro");
    const refused = await createQrCodeAction(
      idleState,
      form({ name: "Sneaky 2", productId: alicesProduct.id }),
    );
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { productId: ["Choose one of the store's active products"] },
    });

    const list = renderToStaticMarkup(await QrCodesPage());
    expect(list).toContain("Bike shop counter");
    expect(list).not.toContain("Alice counter card");
    expect(list).not.toContain(aliceCode.code);

    await expectNotFound(QrCodePage(params(aliceCode.id)));
    await expectNotFound(ShopCardPage(cardProps(aliceCode.id)));
    await expectNotFound(QrCodePage(params("not-a-uuid")));
    const edit = await updateQrCodeAction(idleState, form({ id: aliceCode.id, name: "Hijacked" }));
    expect(edit).toMatchObject({
      status: "error",
      message: "This QR code does not exist in your store.",
    });
    const archive = await archiveQrCodeAction(idleState, form({ id: aliceCode.id }));
    expect(archive).toMatchObject({ status: "error" });

    // Naming Alice's store in the cookie is a 404 for every action, not her data.
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    await expectNotFound(createQrCodeAction(idleState, form({ name: "In Alice's store" })));
    await expectNotFound(
      updateQrCodeAction(idleState, form({ id: aliceCode.id, name: "Hijacked" })),
    );
    await expectNotFound(archiveQrCodeAction(idleState, form({ id: aliceCode.id })));
    await expectNotFound(QrCodesPage());

    expect(await getQrCode(db(), alice.store.id, aliceCode.id)).toMatchObject({
      name: "Alice counter card",
      archivedAt: null,
    });
    const aliceRows = await db().select().from(qrCodes).where(eq(qrCodes.storeId, alice.store.id));
    expect(aliceRows).toHaveLength(1);
  });

  it("lets an agent read and print codes but not change them", async () => {
    const code = await newCode(alice, "Counter card");
    await db()
      .insert(storeMembers)
      .values({ storeId: alice.store.id, userId: bob.userId, role: "agent" });
    actAs(bob);
    setCookie(ACTIVE_STORE_COOKIE, alice.store.slug);
    const denied = { status: "error", message: "Only the store owner can change this." };
    expect(await createQrCodeAction(idleState, form({ name: "Agent card" }))).toMatchObject(denied);
    expect(await updateQrCodeAction(idleState, form({ id: code.id, name: "Agent" }))).toMatchObject(
      denied,
    );
    expect(await archiveQrCodeAction(idleState, form({ id: code.id }))).toMatchObject(denied);
    expect(await getQrCode(db(), alice.store.id, code.id)).toMatchObject({
      name: "Counter card",
      archivedAt: null,
    });

    const list = renderToStaticMarkup(await QrCodesPage());
    expect(list).toContain("Counter card");
    expect(list).toContain("Only the store owner can create QR codes.");
    expect(list).not.toMatch(/>Archive</);
    expect(renderToStaticMarkup(await ShopCardPage(cardProps(code.id)))).toContain(
      "Alice Tea House",
    );
  });

  it("edits, archives and restores a code as the owner", async () => {
    const code = await newCode(alice, "Flyer");
    expect(
      await updateQrCodeAction(
        idleState,
        form({ id: code.id, name: "Spring fair flyer", prefilledMessage: "Hi from the fair!" }),
      ),
    ).toEqual({ status: "success", message: "QR code saved." });
    expect(await archiveQrCodeAction(idleState, form({ id: code.id }))).toMatchObject({
      status: "success",
    });
    const archived = await getQrCode(db(), alice.store.id, code.id);
    expect(archived).toMatchObject({
      name: "Spring fair flyer",
      prefilledMessage: "Hi from the fair!",
      code: code.code,
    });
    expect(archived?.archivedAt).toBeInstanceOf(Date);
    const card = renderToStaticMarkup(await ShopCardPage(cardProps(code.id)));
    expect(card).toContain("This code is archived");
    expect(card).not.toContain("<svg");
    expect(await restoreQrCodeAction(idleState, form({ id: code.id }))).toMatchObject({
      status: "success",
    });
    expect((await getQrCode(db(), alice.store.id, code.id))?.archivedAt).toBeNull();
  });

  it("prints a shop card with the store name, the code and the line in all four languages", async () => {
    const matcha = await addProduct(alice, "matcha-set", "Matcha Ceremony Gift Set");
    const created = await createQrCode(
      db(),
      alice.store.id,
      qrCodeFieldsSchema.parse({ name: "Matcha set display", productId: matcha.id }),
    );
    if (!created.ok) throw new Error("create failed");
    const { id, code } = created.qrCode;

    const card = renderToStaticMarkup(await ShopCardPage(cardProps(id)));
    expect(card).toContain("Alice Tea House");
    expect(card).toContain("Matcha Ceremony Gift Set");
    // Each language's line, as a reader sees it (the card wraps it only between phrases).
    const lineIn = (language: string) =>
      new RegExp(`<li lang="${language}">(.*?)</li>`).exec(card)?.[1]?.replaceAll(/<[^>]*>/g, "");
    for (const language of SHOPPER_LANGUAGES) {
      expect(lineIn(language)).toBe(messagesFor(language).shopCard.scanToChat);
    }
    expect(new Set(SHOPPER_LANGUAGES.map((l) => messagesFor(l).shopCard.scanToChat)).size).toBe(4);
    expect(card).toContain("@page { size: 91mm 55mm; margin: 0; }");
    expect(card).toContain('data-shop-card="card"');
    expect(card).toContain(">Print<");
    const svg = /<svg[^>]*shape-rendering="crispEdges"[\s\S]*?<\/svg>/.exec(card)?.[0];
    expect(decodeSvg(svg ?? "")?.text).toBe(
      `https://cards.example/go/${alice.store.slug}?src=qr&qr=${code}`,
    );

    const a6 = renderToStaticMarkup(await ShopCardPage(cardProps(id, "a6")));
    expect(a6).toContain("@page { size: 105mm 148mm; margin: 0; }");
    expect(a6).toContain('data-shop-card="a6"');
    const fallback = renderToStaticMarkup(await ShopCardPage(cardProps(id, "poster")));
    expect(fallback).toContain('data-shop-card="card"');
  });

  it("shows the code's page with its tracked URL and scan count", async () => {
    const code = await newCode(alice, "Shop card — Gion store");
    const page = renderToStaticMarkup(await QrCodePage(params(code.id)));
    expect(page).toContain("Shop card — Gion store");
    expect(page).toContain(
      `https://cards.example/go/${alice.store.slug}?src=qr&amp;qr=${code.code}`,
    );
    expect(page).toContain(`/qr/${alice.store.slug}?qr=${code.code}&amp;format=svg&amp;size=256`);
    expect(page).toContain("0 scans");
  });
});
