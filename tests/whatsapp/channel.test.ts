import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { stores } from "@/db/schema";
import { saveCredential } from "@/lib/stores/credentials";
import {
  isSandboxAllowed,
  resolveWebhookAppSecret,
  resolveWhatsAppChannel,
  whatsappWebhookUrl,
} from "@/lib/whatsapp/channel";
import { SandboxUnavailableError, simulateInboundMessage } from "@/lib/whatsapp/sandbox";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  TEST_APP_SECRET,
  testPlatformConfig,
} from "./fixtures";

const getDb = setupTestDatabase();
let shop: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
});

describe(`where a store's messages go [${testDbBackend}]`, () => {
  it("uses the sandbox only outside production unless it is switched on explicitly", () => {
    expect(isSandboxAllowed({ sandbox: "auto", nodeEnv: "development" })).toBe(true);
    expect(isSandboxAllowed({ sandbox: "auto", nodeEnv: "production" })).toBe(false);
    expect(isSandboxAllowed({ sandbox: "on", nodeEnv: "production" })).toBe(true);
    expect(isSandboxAllowed({ sandbox: "off", nodeEnv: "development" })).toBe(false);
  });

  it("reports a configuration error in production instead of falling into the sandbox", async () => {
    const channel = await resolveWhatsAppChannel(
      getDb(),
      shop.store.id,
      testPlatformConfig({ nodeEnv: "production" }),
    );
    expect(channel).toMatchObject({ mode: "unconfigured" });
    expect(channel.mode === "unconfigured" && channel.reason).toMatch(/access token/);
  });

  it("sends through the Graph API with the platform token, or the store's own when it has one", async () => {
    const config = testPlatformConfig({ platformAccessToken: "EAAG-platform-token-0000000000" });
    expect(await resolveWhatsAppChannel(getDb(), shop.store.id, config)).toMatchObject({
      mode: "graph",
      phoneNumberId: shop.phoneNumberId,
      accessToken: "EAAG-platform-token-0000000000",
    });
    await saveCredential(
      getDb(),
      shop.store.id,
      "whatsapp_access_token",
      "EAAG-store-own-token-11111111",
      config.encryptionKey,
    );
    expect(
      await resolveWhatsAppChannel(getDb(), shop.store.id, testPlatformConfig()),
    ).toMatchObject({
      mode: "graph",
      accessToken: "EAAG-store-own-token-11111111",
    });
  });

  it("needs a phone-number id to send for real", async () => {
    const other = await createChatStore(getDb());
    await getDb()
      .update(stores)
      .set({ whatsappPhoneNumberId: null })
      .where(eq(stores.id, other.store.id));
    const channel = await resolveWhatsAppChannel(
      getDb(),
      other.store.id,
      // No number in the store's row and none bound by the operator.
      testPlatformConfig({
        platformAccessToken: "EAAG-platform-token-0000000000",
        platformPhoneNumbers: new Map(),
      }),
    );
    expect(channel).toMatchObject({ mode: "unconfigured" });
  });

  it("verifies a store's webhooks with its own app secret when it has one", async () => {
    const config = testPlatformConfig();
    expect(await resolveWebhookAppSecret(getDb(), shop.store.id, config)).toBe(TEST_APP_SECRET);
    await saveCredential(
      getDb(),
      shop.store.id,
      "whatsapp_app_secret",
      "abcdefabcdefabcdefabcdefabcdefab",
      config.encryptionKey,
    );
    expect(await resolveWebhookAppSecret(getDb(), shop.store.id, config)).toBe(
      "abcdefabcdefabcdefabcdefabcdefab",
    );
    expect(await resolveWebhookAppSecret(getDb(), null, config)).toBe(TEST_APP_SECRET);
  });

  it("gives Meta a store-specific callback URL only when the store signs with its own app", () => {
    expect(whatsappWebhookUrl("https://chatcart.example", "demo", false)).toBe(
      "https://chatcart.example/api/webhooks/whatsapp",
    );
    expect(whatsappWebhookUrl("https://chatcart.example", "demo", true)).toBe(
      "https://chatcart.example/api/webhooks/whatsapp?store=demo",
    );
  });

  it("never lets the simulator inject messages into a store connected to WhatsApp", async () => {
    const connected = await createChatStore(getDb());
    const send = (config = testPlatformConfig()) =>
      simulateInboundMessage(getDb(), config, {
        storeId: connected.store.id,
        waId: "15559990001",
        profileName: "Tester",
        message: { type: "text", text: "hello" },
      });
    await expect(
      send(testPlatformConfig({ platformAccessToken: "EAAG-platform-token-0000000000" })),
    ).rejects.toThrow(SandboxUnavailableError);
    await expect(send(testPlatformConfig({ nodeEnv: "production" }))).rejects.toThrow(
      SandboxUnavailableError,
    );
    await expect(send()).resolves.toMatchObject({ outcome: { status: 200, stored: 1 } });
  });
});
