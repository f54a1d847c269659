import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, storeCredentials, stores, webhookEvents } from "@/db/schema";
import { readCredential } from "@/lib/stores/credentials";
import { resolveWhatsAppChannel } from "@/lib/whatsapp/channel";
import {
  PLATFORM_NUMBERS_ARE_OPERATOR_BOUND,
  removeWhatsappSetting,
  saveWhatsappSettings,
} from "@/lib/whatsapp/connect-store";
import { UNBOUND_PLATFORM_NUMBER } from "@/lib/whatsapp/phone-number-binding";
import { processWebhookEvents } from "@/lib/processing/processor";
import { expectedVerifyToken, verifyWebhookSubscription } from "@/lib/whatsapp/subscription";
import { splitWhatsAppWebhook } from "@/lib/whatsapp/split-webhook";
import { type FakeGraphApi, startFakeGraphApi } from "../support/fake-graph-api";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  createChatStore,
  deliverRaw,
  inboundBody,
  operatorBoundNumbers,
  storeRow,
  testPlatformConfig,
} from "./fixtures";

const getDb = setupTestDatabase();
const PLATFORM_TOKEN = "EAAG-platform-token-0000000000";
const OWN_TOKEN = "EAAG-store-own-token-aaaaaaaaaa";
const OTHER_TOKEN = "EAAG-other-store-token-bbbbbbbb";
const OWN_NUMBER = "106540352242922";
let fake: FakeGraphApi;

beforeAll(async () => {
  fake = await startFakeGraphApi({
    phoneNumbers: {
      [OWN_NUMBER]: {
        token: OWN_TOKEN,
        displayPhoneNumber: "+1 555-078-3881",
        verifiedName: "Tea",
      },
    },
  });
});
afterAll(() => fake.close());

/** A fixture store whose number the operator never bound: what an owner could once type. */
async function typedNumberStore() {
  const shop = await createChatStore(getDb());
  operatorBoundNumbers.delete(shop.phoneNumberId);
  return shop;
}

const config = () => testPlatformConfig({ graphApiUrl: fake.url });

describe(`phone-number binding with the platform token [${testDbBackend}]`, () => {
  it("never sends with the platform token from a number the operator did not bind", async () => {
    const shop = await typedNumberStore();
    const platform = testPlatformConfig({ platformAccessToken: PLATFORM_TOKEN });
    expect(await resolveWhatsAppChannel(getDb(), shop.store.id, platform)).toEqual({
      mode: "unconfigured",
      reason: UNBOUND_PLATFORM_NUMBER,
    });
    operatorBoundNumbers.set(shop.phoneNumberId, shop.store.slug);
    expect(await resolveWhatsAppChannel(getDb(), shop.store.id, platform)).toMatchObject({
      mode: "graph",
      phoneNumberId: shop.phoneNumberId,
      accessToken: PLATFORM_TOKEN,
    });
  });

  it("routes no inbound message to a store by a number it merely typed", async () => {
    const shop = await typedNumberStore();
    const { body, wamid } = inboundBody(shop, { type: "text", text: "hello" });
    expect(await deliverRaw(getDb(), body)).toMatchObject({ stored: 0, failed: 1 });
    const [event] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, `message:${wamid}`));
    expect(event).toMatchObject({
      storeId: null,
      error: `Unknown phone_number_id ${shop.phoneNumberId}`,
    });
  });

  it("routes by the operator's binding, whatever store row holds the id", async () => {
    const holder = await typedNumberStore();
    const bound = await createChatStore(getDb());
    operatorBoundNumbers.set(holder.phoneNumberId, bound.store.slug);
    const { body, wamid } = inboundBody(holder, { type: "text", text: "hello" });
    expect(await deliverRaw(getDb(), body)).toMatchObject({ stored: 1 });
    const [event] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, `message:${wamid}`));
    expect(event?.storeId).toBe(bound.store.id);
  });

  it("refuses to save a phone-number id for a store without its own token", async () => {
    const shop = await createChatStore(getDb());
    await getDb()
      .update(stores)
      .set({ whatsappPhoneNumberId: null })
      .where(eq(stores.id, shop.store.id));
    const result = await saveWhatsappSettings(
      getDb(),
      shop.store,
      { phoneNumberId: OWN_NUMBER },
      config(),
    );
    expect(result).toEqual({
      ok: false,
      field: "phoneNumberId",
      reason: PLATFORM_NUMBERS_ARE_OPERATOR_BOUND,
    });
    expect((await storeRow(getDb(), shop.store.id))?.whatsappPhoneNumberId).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });

  it("honours the demo seed's number only in development while the operator bound nothing", async () => {
    const shop = await typedNumberStore();
    await getDb()
      .update(stores)
      .set({ whatsappPhoneNumberBinding: "demo_seed" })
      .where(eq(stores.id, shop.store.id));
    const development = { platformAccessToken: PLATFORM_TOKEN, platformPhoneNumbers: new Map() };
    expect(
      await resolveWhatsAppChannel(
        getDb(),
        shop.store.id,
        testPlatformConfig({ ...development, nodeEnv: "development" }),
      ),
    ).toMatchObject({ mode: "graph", phoneNumberId: shop.phoneNumberId });
    for (const other of [
      testPlatformConfig({ ...development, nodeEnv: "production" }),
      testPlatformConfig({
        ...development,
        nodeEnv: "development",
        platformPhoneNumbers: new Map([["123456", "x"]]),
      }),
    ]) {
      expect(await resolveWhatsAppChannel(getDb(), shop.store.id, other)).toMatchObject({
        mode: "unconfigured",
      });
    }
  });
});

describe(`phone-number binding with the store's own token [${testDbBackend}]`, () => {
  it("saves a number only after Graph API confirms the token can use it, with its display number", async () => {
    const shop = await typedNumberStore();
    fake.requests.length = 0;
    const result = await saveWhatsappSettings(
      getDb(),
      shop.store,
      { phoneNumberId: OWN_NUMBER, accessToken: OWN_TOKEN },
      config(),
    );
    expect(result).toEqual({ ok: true, changed: true, verifyToken: null });
    expect(fake.requests[0]).toMatchObject({
      method: "GET",
      path: `/v23.0/${OWN_NUMBER}?fields=display_phone_number%2Cverified_name`,
      headers: { authorization: `Bearer ${OWN_TOKEN}` },
    });
    expect(await storeRow(getDb(), shop.store.id)).toMatchObject({
      whatsappPhoneNumberId: OWN_NUMBER,
      whatsappPhoneNumberBinding: "store_token",
      whatsappDisplayPhoneNumber: "+1 555-078-3881",
    });
    expect(await resolveWhatsAppChannel(getDb(), shop.store.id, config())).toMatchObject({
      mode: "graph",
      phoneNumberId: OWN_NUMBER,
      accessToken: OWN_TOKEN,
    });
    // The same number for a second store, even one whose token could use it: one store only.
    const second = await typedNumberStore();
    expect(
      await saveWhatsappSettings(
        getDb(),
        second.store,
        { phoneNumberId: OWN_NUMBER, accessToken: OWN_TOKEN },
        config(),
      ),
    ).toEqual({
      ok: false,
      field: "phoneNumberId",
      reason: "This phone-number id is already connected to another store.",
    });
    await removeWhatsappSetting(getDb(), shop.store.id, "whatsapp_access_token");
    expect(await storeRow(getDb(), shop.store.id)).toMatchObject({
      whatsappPhoneNumberId: null,
      whatsappPhoneNumberBinding: null,
    });
  });

  it("refuses with Meta's reason when the token cannot use the number, saving nothing", async () => {
    const shop = await typedNumberStore();
    const result = await saveWhatsappSettings(
      getDb(),
      shop.store,
      { phoneNumberId: OWN_NUMBER, accessToken: OTHER_TOKEN },
      config(),
    );
    expect(result).toMatchObject({ ok: false, field: "phoneNumberId" });
    expect(!result.ok && result.reason).toMatch(
      new RegExp(`cannot use phone-number id ${OWN_NUMBER}: Unsupported get request`),
    );
    expect(await storeRow(getDb(), shop.store.id)).toMatchObject({
      whatsappPhoneNumberId: shop.phoneNumberId,
      whatsappPhoneNumberBinding: null,
    });
    const key = config().encryptionKey;
    expect(
      await readCredential(getDb(), shop.store.id, "whatsapp_access_token", key),
    ).toBeUndefined();
  });

  it("says so when Meta cannot be reached, saving nothing", async () => {
    const shop = await typedNumberStore();
    fake.respondWith({ dropConnection: true });
    const result = await saveWhatsappSettings(
      getDb(),
      shop.store,
      { phoneNumberId: OWN_NUMBER, accessToken: OWN_TOKEN },
      config(),
    );
    expect(result).toEqual({
      ok: false,
      field: "phoneNumberId",
      reason:
        "Couldn't reach Meta to check the phone-number id, so nothing was saved. Try again in a moment.",
    });
    const key = config().encryptionKey;
    expect(
      await readCredential(getDb(), shop.store.id, "whatsapp_access_token", key),
    ).toBeUndefined();
  });
});

describe(`a store's own Meta app gets its own verify token [${testDbBackend}]`, () => {
  const handshake = (token: string) => ({
    "hub.mode": "subscribe",
    "hub.verify_token": token,
    "hub.challenge": "4242",
  });

  it("generates it with the app secret, stores it encrypted and accepts it for that store's URL only", async () => {
    const shop = await createChatStore(getDb());
    const other = await createChatStore(getDb());
    const settings = { ...config(), verifyToken: "platform-verify-token-123456" };
    const result = await saveWhatsappSettings(
      getDb(),
      shop.store,
      { appSecret: "abcdefabcdefabcdefabcdefabcdefab" },
      settings,
    );
    if (!result.ok || !result.verifyToken) throw new Error("expected a verify token");
    const token = result.verifyToken;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const [row] = await getDb()
      .select()
      .from(storeCredentials)
      .where(
        and(
          eq(storeCredentials.storeId, shop.store.id),
          eq(storeCredentials.name, "whatsapp_verify_token"),
        ),
      );
    expect(row?.ciphertext).not.toContain(token);

    const check = async (slug: string | null, sent: string) =>
      verifyWebhookSubscription(
        handshake(sent),
        await expectedVerifyToken(getDb(), slug, settings),
      );
    expect(await check(shop.store.slug, token)).toBe("4242");
    expect(await check(shop.store.slug, settings.verifyToken)).toBeNull();
    expect(await check(null, token)).toBeNull();
    expect(await check(other.store.slug, token)).toBeNull();
    expect(await check(other.store.slug, settings.verifyToken)).toBeNull();
    expect(await check(null, settings.verifyToken)).toBe("4242");

    await removeWhatsappSetting(getDb(), shop.store.id, "whatsapp_app_secret");
    expect(await check(shop.store.slug, token)).toBeNull();
  });
});

describe(`retries of stored webhook events [${testDbBackend}]`, () => {
  it("apply to the store recorded on the event, not to whoever holds the number now", async () => {
    const first = await createChatStore(getDb());
    const second = await typedNumberStore();
    const waId = "819055500001";
    const { body } = inboundBody(first, { type: "text", text: "hello" }, { waId });
    const split = splitWhatsAppWebhook(body);
    if (!split.ok || !split.items[0]) throw new Error("expected one item");
    const item = split.items[0];
    const now = new Date();
    // Stored for the first store, its first application failed.
    await getDb()
      .insert(webhookEvents)
      .values({
        provider: "whatsapp",
        externalId: `retry-test:${waId}`,
        storeId: first.store.id,
        kind: item.kind,
        lane: item.lane,
        payload: item.payload,
        receivedAt: now,
        error: "temporary failure",
        attempts: 1,
        nextAttemptAt: new Date(now.getTime() - 1000),
      });
    // The number moves to the second store, in its row and in the operator's binding.
    await getDb()
      .update(stores)
      .set({ whatsappPhoneNumberId: null })
      .where(eq(stores.id, first.store.id));
    await getDb()
      .update(stores)
      .set({ whatsappPhoneNumberId: first.phoneNumberId })
      .where(eq(stores.id, second.store.id));
    operatorBoundNumbers.set(first.phoneNumberId, second.store.slug);

    expect(
      await processWebhookEvents(getDb(), { config: testPlatformConfig(), now: () => now }),
    ).toEqual({ applied: 1, failed: 0, gaveUp: 0 });
    const customerOf = (storeId: string) =>
      getDb()
        .select()
        .from(customers)
        .where(and(eq(customers.storeId, storeId), eq(customers.waId, waId)));
    expect(await customerOf(first.store.id)).toHaveLength(1);
    expect(await customerOf(second.store.id)).toHaveLength(0);
  });
});
