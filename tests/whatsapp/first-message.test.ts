import { beforeAll, describe, expect, it } from "vitest";
import { saveGreetings } from "@/lib/bot-settings/greetings";
import { sendAsShopper } from "../cart/handoff-helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type ChatStoreFixture, createChatStore } from "./fixtures";

const getDb = setupTestDatabase();
let japaneseShop: ChatStoreFixture;
let greetingShop: ChatStoreFixture;

beforeAll(async () => {
  japaneseShop = await createChatStore(getDb(), { defaultLanguage: "ja" });
  greetingShop = await createChatStore(getDb(), { defaultLanguage: "ja" });
  await saveGreetings(getDb(), greetingShop.store.id, {
    en: "Welcome to our tea house! What can we do for you?",
    ja: "いらっしゃいませ。ご用件をお選びください。",
  });
});

/** The body of the bot's first reply (the menu), through the webhook and the processor. */
async function firstReply(shop: ChatStoreFixture, waId: string, text: string) {
  const { customer, replies } = await sendAsShopper(getDb(), shop, waId, text);
  expect(replies[0]?.intent).toBe("menu");
  return { customer, body: replies[0]?.body };
}

describe(`a shopper's first message [${testDbBackend}]`, () => {
  it("answers a first English 'hi' to a Japanese store in English, and remembers it", async () => {
    const { customer, body } = await firstReply(japaneseShop, "14155550101", "hi");
    expect(body).toMatch(/^Hi! Welcome to Chat Shop \d+\.\n\nHow can we help\?/);
    expect(customer.locale).toBe("en");
  });

  it("keeps the store's Japanese when the text says nothing about the language", async () => {
    const { body } = await firstReply(japaneseShop, "14155550102", "menu");
    expect(body).toMatch(/ようこそ/);
  });

  it("shows the owner's greeting alone, without asking how it can help a second time", async () => {
    const en = await firstReply(greetingShop, "14155550103", "hello");
    expect(en.body).toBe("Welcome to our tea house! What can we do for you?");
    const ja = await firstReply(greetingShop, "819000300001", "こんにちは");
    expect(ja.body).toBe("いらっしゃいませ。ご用件をお選びください。");
  });
});
