import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { messages, users } from "@/db/schema";
import { conversationCounts, listConversations, listLabels } from "@/lib/inbox/conversations";
import { closeConversation, handBackToBot, setConversationLabels } from "@/lib/inbox/manage";
import { getThread, markConversationRead } from "@/lib/inbox/thread";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  conversationRow,
  createInboxStore,
  customerWrites,
  hoursAgo,
  type InboxStore,
  TALK_TO_A_PERSON,
} from "./helpers";

const db = setupTestDatabase();

describe(`inbox: lists, threads and conversation changes [${testDbBackend}]`, () => {
  let shop: InboxStore;
  let other: InboxStore;

  beforeEach(async () => {
    shop = await createInboxStore(db(), "Kyoto Tea");
    other = await createInboxStore(db(), "Osaka Bikes");
  });

  /** Aiko chats with the bot, Mio's chat is closed, Ken waits for a person (newest). */
  async function threeChats() {
    const aiko = await customerWrites(db(), shop, "819100000001", "hello", {
      timestamp: hoursAgo(3),
      profileName: "Aiko",
    });
    const mio = await customerWrites(db(), shop, "819100000003", "thanks, bye", {
      timestamp: hoursAgo(2),
      profileName: "Mio",
    });
    await closeConversation(db(), shop.store.id, mio.id, new Date());
    await customerWrites(db(), shop, "819100000002", TALK_TO_A_PERSON, {
      timestamp: hoursAgo(1),
      profileName: "Ken",
    });
    // A moment ahead, so it is the newest message of Ken's chat (the bot's hand-off note is "now").
    const ken = await customerWrites(db(), shop, "819100000002", "are you there?", {
      timestamp: new Date(Date.now() + 2000),
      profileName: "Ken",
    });
    await customerWrites(db(), other, "819100000004", "hello from another store");
    return { aiko, mio, ken };
  }

  it("lists each filter newest first, with previews, unread counts and per-filter totals", async () => {
    const { aiko, mio, ken } = await threeChats();

    const waiting = await listConversations(db(), shop.store.id, { filter: "waiting" });
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      id: ken.id,
      status: "agent",
      unreadCount: 2,
      source: "unattributed",
      customer: { name: "Ken", phone: "+819100000002" },
      lastMessage: { body: "are you there?", direction: "inbound", author: "customer" },
    });
    const bot = await listConversations(db(), shop.store.id, { filter: "bot" });
    expect(bot.map((item) => item.id)).toEqual([aiko.id]);
    expect(bot[0]?.lastMessage).toMatchObject({ direction: "outbound", author: "bot" });
    const closed = await listConversations(db(), shop.store.id, { filter: "closed" });
    expect(closed.map((item) => item.id)).toEqual([mio.id]);
    const all = await listConversations(db(), shop.store.id, { filter: "all" });
    expect(all.map((item) => item.id)).toEqual([ken.id, mio.id, aiko.id]);

    expect(await conversationCounts(db(), shop.store.id)).toEqual({
      waiting: { conversations: 1, unread: 2 },
      bot: { conversations: 1, unread: 1 },
      closed: { conversations: 1, unread: 0 },
      all: { conversations: 3, unread: 3 },
    });
    const otherCounts = await conversationCounts(db(), other.store.id);
    expect(otherCounts.all).toEqual({ conversations: 1, unread: 1 });
  });

  it("filters by label and lists the labels in use, per store", async () => {
    const { aiko, ken } = await threeChats();
    await setConversationLabels(db(), shop.store.id, aiko.id, [" VIP ", "Wholesale"]);
    await setConversationLabels(db(), shop.store.id, ken.id, ["vip"]);

    const vip = await listConversations(db(), shop.store.id, { filter: "all", label: "vip" });
    expect(vip.map((item) => item.id)).toEqual([ken.id, aiko.id]);
    const wholesale = await listConversations(db(), shop.store.id, {
      filter: "all",
      label: "wholesale",
    });
    expect(wholesale.map((item) => item.id)).toEqual([aiko.id]);
    expect(
      await listConversations(db(), shop.store.id, { filter: "waiting", label: "wholesale" }),
    ).toEqual([]);
    const counts = await conversationCounts(db(), shop.store.id, { label: "vip" });
    expect(counts.all.conversations).toBe(2);
    expect(counts.waiting.conversations).toBe(1);
    expect(await listLabels(db(), shop.store.id)).toEqual(["vip", "wholesale"]);
    expect(await listLabels(db(), other.store.id)).toEqual([]);
  });

  it("returns a thread with its customer and messages oldest first, only to its own store", async () => {
    const { aiko } = await threeChats();
    const thread = await getThread(db(), shop.store.id, aiko.id);
    expect(thread?.conversation).toMatchObject({ id: aiko.id, status: "bot" });
    expect(thread?.customer).toMatchObject({
      name: "Aiko",
      phone: "+819100000001",
      waId: "819100000001",
    });
    const times = thread?.messages.map((message) => message.createdAt.getTime()) ?? [];
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(thread?.messages[0]).toMatchObject({
      direction: "inbound",
      body: "hello",
      status: "received",
    });
    expect(thread?.hasEarlier).toBe(false);

    expect(await getThread(db(), other.store.id, aiko.id)).toBeNull();
    expect(await getThread(db(), shop.store.id, "not-a-uuid")).toBeNull();
    expect(await getThread(db(), shop.store.id, crypto.randomUUID())).toBeNull();
  });

  it("names the person who wrote each agent message, and tells the bot's apart", async () => {
    const { aiko } = await threeChats();
    await db().update(users).set({ name: "Haruka" }).where(eq(users.id, shop.owner.userId));
    const [customerMessage] = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, aiko.id))
      .limit(1);
    const agentRow = {
      storeId: shop.store.id,
      conversationId: aiko.id,
      customerId: customerMessage!.customerId,
      direction: "outbound" as const,
      author: "agent" as const,
      type: "text",
      content: {},
      status: "sent" as const,
    };
    await db()
      .insert(messages)
      .values([
        { ...agentRow, body: "Hello from Haruka", agentUserId: shop.owner.userId },
        { ...agentRow, body: "From someone gone", agentUserId: "deleted-user" },
      ]);
    const thread = await getThread(db(), shop.store.id, aiko.id);
    const byBody = new Map(thread?.messages.map((message) => [message.body, message]));
    expect(byBody.get("Hello from Haruka")).toMatchObject({ author: "agent", agentName: "Haruka" });
    expect(byBody.get("From someone gone")).toMatchObject({ author: "agent", agentName: null });
    const botMessage = thread?.messages.find((message) => message.author === "bot");
    expect(botMessage).toMatchObject({ agentName: null });
  });

  it("marks a thread read once, and never another store's", async () => {
    const { ken } = await threeChats();
    expect(await markConversationRead(db(), other.store.id, ken.id)).toBe(false);
    expect((await conversationRow(db(), ken.id))?.unreadCount).toBe(2);
    expect(await markConversationRead(db(), shop.store.id, ken.id)).toBe(true);
    expect(await markConversationRead(db(), shop.store.id, ken.id)).toBe(false);
    expect((await conversationRow(db(), ken.id))?.unreadCount).toBe(0);
  });

  it("normalises labels and refuses too many or too long ones without changing anything", async () => {
    const { aiko } = await threeChats();
    const saved = await setConversationLabels(db(), shop.store.id, aiko.id, [
      "  VIP  Client ",
      "vip client",
      "",
      "配送",
      "Wholesale",
    ]);
    expect(saved).toEqual({ ok: true, labels: ["vip client", "配送", "wholesale"] });
    const tooMany = Array.from({ length: 11 }, (_, index) => `label ${index}`);
    expect(await setConversationLabels(db(), shop.store.id, aiko.id, tooMany)).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(
      await setConversationLabels(db(), shop.store.id, aiko.id, ["x".repeat(25)]),
    ).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(
      await setConversationLabels(db(), shop.store.id, aiko.id, ["x".repeat(24)]),
    ).toMatchObject({ ok: true });
    expect((await conversationRow(db(), aiko.id))?.labels).toEqual(["x".repeat(24)]);
    expect(await setConversationLabels(db(), shop.store.id, aiko.id, [])).toEqual({
      ok: true,
      labels: [],
    });
  });

  it("hands a waiting chat back to the bot, which answers again, and closes chats", async () => {
    const { aiko, ken } = await threeChats();
    expect(await handBackToBot(db(), shop.store.id, ken.id)).toEqual({ ok: true });
    expect((await conversationRow(db(), ken.id))?.status).toBe("bot");
    expect(await handBackToBot(db(), shop.store.id, ken.id)).toEqual({
      ok: false,
      error: "not_waiting",
    });

    const botMessages = async () =>
      (await db().select().from(messages).where(eq(messages.conversationId, ken.id))).filter(
        (message) => message.author === "bot",
      ).length;
    const before = await botMessages();
    await customerWrites(db(), shop, "819100000002", "menu", {
      timestamp: new Date(Date.now() + 4000),
    });
    expect(await botMessages()).toBeGreaterThan(before);

    const closedAt = new Date();
    expect(await closeConversation(db(), shop.store.id, aiko.id, closedAt)).toEqual({ ok: true });
    expect(await conversationRow(db(), aiko.id)).toMatchObject({
      status: "closed",
      closedAt,
      unreadCount: 0,
    });
    expect(await closeConversation(db(), shop.store.id, aiko.id, new Date())).toEqual({ ok: true });
    expect((await conversationRow(db(), aiko.id))?.closedAt).toEqual(closedAt);
    expect(await handBackToBot(db(), shop.store.id, aiko.id)).toEqual({
      ok: false,
      error: "not_waiting",
    });

    const reopened = await customerWrites(db(), shop, "819100000001", "one more question");
    expect(reopened.id).not.toBe(aiko.id);
    expect(reopened.status).toBe("bot");
  });

  it("changes nothing in another store's conversation (tenancy)", async () => {
    await threeChats();
    const foreign = await customerWrites(db(), other, "819100000009", TALK_TO_A_PERSON);
    const before = await conversationRow(db(), foreign.id);
    const storeA = shop.store.id;

    expect(await getThread(db(), storeA, foreign.id)).toBeNull();
    expect(await markConversationRead(db(), storeA, foreign.id)).toBe(false);
    expect(await setConversationLabels(db(), storeA, foreign.id, ["mine"])).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await handBackToBot(db(), storeA, foreign.id)).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await closeConversation(db(), storeA, foreign.id, new Date())).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(
      (await listConversations(db(), storeA, { filter: "all" })).map((item) => item.id),
    ).not.toContain(foreign.id);

    expect(await conversationRow(db(), foreign.id)).toEqual(before);
    expect(before).toMatchObject({ status: "agent", labels: [], closedAt: null });
  });
});
