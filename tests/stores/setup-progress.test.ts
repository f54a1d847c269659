import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clicks, customers, products, qrCodes, stores } from "@/db/schema";
import { simulatorWaId } from "@/lib/simulator/customer";
import { saveCredential } from "@/lib/stores/credentials";
import { loadSetupProgress } from "@/lib/stores/setup-progress";
import { createOwnerWithStore } from "../support/fixtures";
import { setupTestDatabase, testDbBackend } from "../support/database";

const db = setupTestDatabase();

async function progressOf(storeId: string) {
  const [store] = await db().select().from(stores).where(eq(stores.id, storeId));
  if (!store) throw new Error("store not found");
  return loadSetupProgress(db(), store);
}

function widgetClick(storeId: string, ref: string, pageUrl: string | null) {
  return db().insert(clicks).values({
    storeId,
    ref,
    source: "widget",
    pageUrl,
    language: "en",
    deviceClass: "mobile",
  });
}

describe(`the first-run checklist [${testDbBackend}]`, () => {
  it("starts with nothing done", async () => {
    const { store } = await createOwnerWithStore(db());
    expect(await progressOf(store.id)).toEqual({
      hasOrders: false,
      productAdded: false,
      simulatorTried: false,
      widgetInstalled: false,
      shopCardReady: false,
      whatsappConnected: false,
      stripeConnected: false,
    });
  });

  it("ticks each step from the store's own data", async () => {
    const { store, userId } = await createOwnerWithStore(db());
    const other = await createOwnerWithStore(db());

    await db().insert(products).values({
      storeId: store.id,
      slug: "whisk",
      sku: "WH-1",
      name: "Whisk",
      priceMinor: 3200,
      currency: "JPY",
    });
    expect(await progressOf(store.id)).toMatchObject({ productAdded: true, simulatorTried: false });

    await db()
      .insert(customers)
      .values({ storeId: store.id, waId: simulatorWaId(userId) });
    expect(await progressOf(store.id)).toMatchObject({ simulatorTried: true });

    // The app's own storefront loads the widget itself: a tap there proves no installation.
    await widgetClick(store.id, "own1", `https://app.example/s/${store.slug}/p/whisk`);
    expect(await progressOf(store.id)).toMatchObject({ widgetInstalled: false });
    await widgetClick(store.id, "site1", "https://shop.example.jp/products/whisk");
    expect(await progressOf(store.id)).toMatchObject({ widgetInstalled: true });

    const [code] = await db()
      .insert(qrCodes)
      .values({ storeId: store.id, code: "counter", name: "Counter", archivedAt: new Date() })
      .returning();
    expect(await progressOf(store.id)).toMatchObject({ shopCardReady: false });
    await db().update(qrCodes).set({ archivedAt: null }).where(eq(qrCodes.id, code!.id));
    expect(await progressOf(store.id)).toMatchObject({ shopCardReady: true });

    await saveCredential(
      db(),
      store.id,
      "stripe_secret_key",
      "sk_test_0123456789abcdef",
      randomBytes(32).toString("base64"),
    );
    // A key alone takes payments that no verified event can mark paid: not yet.
    expect(await progressOf(store.id)).toMatchObject({ stripeConnected: false });
    await saveCredential(
      db(),
      store.id,
      "stripe_webhook_secret",
      "whsec_0123456789abcdef",
      randomBytes(32).toString("base64"),
    );
    expect(await progressOf(store.id)).toMatchObject({ stripeConnected: true });

    // None of it leaks into another store's checklist.
    expect(await progressOf(other.store.id)).toMatchObject({
      productAdded: false,
      simulatorTried: false,
      widgetInstalled: false,
      shopCardReady: false,
      stripeConnected: false,
    });
  });

  it("does not count a real shopper's chat as trying the simulator", async () => {
    const { store } = await createOwnerWithStore(db());
    await db().insert(customers).values({ storeId: store.id, waId: "819012345678" });
    expect(await progressOf(store.id)).toMatchObject({ simulatorTried: false });
  });
});
