import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { conversations, customers, messages } from "@/db/schema";
import { deliverOutbox } from "@/lib/jobs/tick";
import { simulatorAvailability } from "@/lib/simulator/availability";
import { isSimulatorWaId, simulatorWaId } from "@/lib/simulator/customer";
import { readAsSimulatedShopper, sendAsSimulatedShopper } from "@/lib/simulator/send";
import { loadSimulatorThread } from "@/lib/simulator/thread";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { type ChatStoreFixture, createChatStore, testPlatformConfig } from "../whatsapp/fixtures";

const db = setupTestDatabase();
const config = testPlatformConfig();
let shop: ChatStoreFixture;
let counter = 0;

beforeAll(async () => {
  shop = await createChatStore(db());
});

const seconds = (date: Date | null) => Math.floor((date?.getTime() ?? Infinity) / 1000) * 1000;

/** A fresh simulated shopper, so each test starts its own chat. */
function shopper() {
  counter += 1;
  return { storeId: shop.store.id, waId: simulatorWaId(`user-${counter}-${Date.now()}`) };
}

async function conversationOf(storeId: string, waId: string) {
  const [row] = await db()
    .select({ conversation: conversations })
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .where(and(eq(conversations.storeId, storeId), eq(customers.waId, waId)));
  return row?.conversation;
}

async function outboundOf(storeId: string, waId: string) {
  return db()
    .select({ message: messages })
    .from(messages)
    .innerJoin(customers, eq(customers.id, messages.customerId))
    .where(
      and(
        eq(messages.storeId, storeId),
        eq(customers.waId, waId),
        eq(messages.direction, "outbound"),
      ),
    )
    .orderBy(messages.createdAt, messages.dedupeKey)
    .then((rows) => rows.map((row) => row.message));
}

describe(`simulator [${testDbBackend}]`, () => {
  it("gives each member a stable, recognisable test number", () => {
    const waId = simulatorWaId("user-a");
    expect(waId).toMatch(/^1555999\d{8}$/);
    expect(simulatorWaId("user-a")).toBe(waId);
    expect(simulatorWaId("user-b")).not.toBe(waId);
    expect(isSimulatorWaId(waId)).toBe(true);
    expect(isSimulatorWaId("819012345678")).toBe(false);
  });

  it("attributes a chat whose first message carries a tracked link's ref", async () => {
    const me = shopper();
    const text = `Hi! I'd like to know more about Uji Matcha (ref ${shop.click.ref})`;
    const sent = await sendAsSimulatedShopper(db(), config, {
      ...me,
      profileName: "Sim Shopper",
      message: { type: "text", text },
    });
    expect(sent).toMatchObject({ ok: true, value: { wamid: expect.stringMatching(/^wamid\./) } });
    expect(await conversationOf(me.storeId, me.waId)).toMatchObject({
      source: "desktop_qr",
      clickId: shop.click.id,
      productId: shop.matcha.id,
      status: "bot",
    });
    const thread = await loadSimulatorThread(db(), me.storeId, me.waId);
    expect(thread.customerName).toBe("Sim Shopper");
    // What the simulator shows the owner: the chat counts for the tracked link it came from.
    expect(thread.attribution).toEqual({
      source: "desktop_qr",
      ref: shop.click.ref,
      productName: "Uji Matcha",
      qrCodeName: null,
      adHeadline: null,
    });
    expect(thread.messages.map((message) => [message.direction, message.status])).toEqual([
      ["inbound", "received"],
      ["outbound", "queued"],
      ["outbound", "queued"],
    ]);
    expect(thread.messages[0]?.body).toBe(text);
    // The product card, with its buttons, as the simulator renders it.
    expect(thread.messages[1]?.content).toMatchObject({
      type: "buttons",
      body: expect.stringContaining("Uji Matcha"),
      // The click was in Japanese, so the chat is: "Talk to a person" in Japanese.
      buttons: expect.arrayContaining([{ id: "menu:agent", title: "担当者と話す" }]),
    });
  });

  it("delivers replies through the outbox: sent → delivered, then read once the chat is open", async () => {
    const me = shopper();
    await sendAsSimulatedShopper(db(), config, {
      ...me,
      profileName: "Reader",
      message: { type: "text", text: "hello" },
    });
    const report = await deliverOutbox(db(), config);
    expect(report.sent).toBeGreaterThanOrEqual(2);
    const delivered = await outboundOf(me.storeId, me.waId);
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    for (const message of delivered) {
      expect(message).toMatchObject({ status: "delivered", readAt: null });
      expect(message.waMessageId).toMatch(/^wamid\.SANDBOX\./);
      // Status webhooks carry whole seconds.
      expect(message.deliveredAt!.getTime()).toBeGreaterThanOrEqual(seconds(message.sentAt));
    }
    const thread = await loadSimulatorThread(db(), me.storeId, me.waId);
    expect(thread.deliveredIds.sort()).toEqual(delivered.map((message) => message.id).sort());

    const read = await readAsSimulatedShopper(db(), config, me);
    expect(read).toEqual({ ok: true, value: { read: delivered.length } });
    for (const message of await outboundOf(me.storeId, me.waId)) {
      expect(message.status).toBe("read");
      expect(message.readAt!.getTime()).toBeGreaterThanOrEqual(seconds(message.deliveredAt));
    }
    expect((await loadSimulatorThread(db(), me.storeId, me.waId)).deliveredIds).toEqual([]);
    expect(await readAsSimulatedShopper(db(), config, me)).toEqual({
      ok: true,
      value: { read: 0 },
    });
  });

  it("hands the chat to a person when the shopper picks “Talk to a person” from the menu", async () => {
    const me = shopper();
    await sendAsSimulatedShopper(db(), config, {
      ...me,
      profileName: "Menu tapper",
      message: { type: "text", text: "hi" },
    });
    const [menu] = (await loadSimulatorThread(db(), me.storeId, me.waId)).messages.filter(
      (message) => message.content?.type === "list",
    );
    const row =
      menu?.content?.type === "list"
        ? menu.content.sections
            .flatMap((section) => section.rows)
            .find((r) => r.id === "menu:agent")
        : undefined;
    expect(row).toBeDefined();
    const tapped = await sendAsSimulatedShopper(db(), config, {
      ...me,
      profileName: "Menu tapper",
      message: { type: "list_reply", id: row!.id, title: row!.title },
    });
    expect(tapped.ok).toBe(true);
    expect(await conversationOf(me.storeId, me.waId)).toMatchObject({ status: "agent" });
    const thread = await loadSimulatorThread(db(), me.storeId, me.waId);
    expect(thread.conversationStatus).toBe("agent");
    const last = thread.messages.at(-1);
    expect(last).toMatchObject({ direction: "outbound", author: "bot" });
    expect(thread.messages.map((message) => message.body)).toContain(row!.title);
    const handOff = await outboundOf(me.storeId, me.waId);
    expect(handOff.at(-1)?.intent).toBe("hand-off");
  });

  it("refuses a store that is connected to WhatsApp, and production without the sandbox", async () => {
    const me = shopper();
    const connected = testPlatformConfig({ platformAccessToken: "EAAG-platform-token" });
    expect(await simulatorAvailability(db(), shop.store.id, connected)).toMatchObject({
      available: false,
      reason: "connected",
    });
    const refused = await sendAsSimulatedShopper(db(), connected, {
      ...me,
      profileName: "Nobody",
      message: { type: "text", text: "hello" },
    });
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/connected to WhatsApp/),
    });
    expect(await readAsSimulatedShopper(db(), connected, me)).toMatchObject({ ok: false });

    const production = testPlatformConfig({ nodeEnv: "production" });
    expect(await simulatorAvailability(db(), shop.store.id, production)).toMatchObject({
      available: false,
      reason: "disabled",
    });
    expect(
      await sendAsSimulatedShopper(db(), production, {
        ...me,
        profileName: "Nobody",
        message: { type: "text", text: "hello" },
      }),
    ).toMatchObject({ ok: false });
    const onInProduction = testPlatformConfig({ nodeEnv: "production", sandbox: "on" });
    expect(await simulatorAvailability(db(), shop.store.id, onInProduction)).toEqual({
      available: true,
    });
    expect(await conversationOf(me.storeId, me.waId)).toBeUndefined();
  });

  it("writes only as simulator numbers, never as a real customer", async () => {
    const result = await sendAsSimulatedShopper(db(), config, {
      storeId: shop.store.id,
      waId: "819012345678",
      profileName: "Impostor",
      message: { type: "text", text: "hello" },
    });
    expect(result).toMatchObject({ ok: false });
    expect(await conversationOf(shop.store.id, "819012345678")).toBeUndefined();
  });
});
