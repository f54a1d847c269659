import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/drivers";
import { conversations, messages } from "@/db/schema";
import {
  type MessageProblem,
  messageHealth,
  messageHealthSummary,
  PROBLEM_CONVERSATIONS,
} from "@/lib/analytics/message-health";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { seedMessageStore } from "./message-health-fixtures";
import {
  seededRandom,
  sortedMedian,
  TEST_WINDOWS,
  type TestStore,
  twoStores,
} from "./sections-fixtures";

const db = setupTestDatabase();
const PEOPLE = new Set(["agent", "business_app"]);

const problemKey = (p: Pick<MessageProblem, "status" | "errorCode" | "errorReason">) =>
  JSON.stringify([p.status, p.errorCode, p.errorReason]);

/** Every figure by brute force from the store's raw rows, read back with plain selects. */
async function reference(database: Database, store: TestStore, window: AnalyticsWindow) {
  const [chats, all] = await Promise.all([
    database.select().from(conversations).where(eq(conversations.storeId, store.id)),
    database.select().from(messages).where(eq(messages.storeId, store.id)),
  ]);
  const inWindow = (at: Date) => at >= window.start && at < window.end;
  const outbound = all.filter((m) => m.direction === "outbound" && inWindow(m.createdAt));
  const of = (...statuses: string[]) => outbound.filter((m) => statuses.includes(m.status)).length;
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  const [sent, delivered, read] = [
    of("sent", "delivered", "read"),
    of("delivered", "read"),
    of("read"),
  ];

  const problems = new Map<string, MessageProblem & { lastAt: Map<string, number> }>();
  for (const m of outbound.filter((m) => m.status === "failed" || m.status === "blocked")) {
    const key = problemKey({
      status: m.status as "failed",
      errorCode: m.errorCode,
      errorReason: m.errorReason,
    });
    const entry = problems.get(key) ?? {
      status: m.status as "failed" | "blocked",
      errorCode: m.errorCode,
      errorReason: m.errorReason,
      messages: 0,
      conversations: 0,
      conversationIds: [],
      lastAt: new Map<string, number>(),
    };
    entry.messages += 1;
    const last = entry.lastAt.get(m.conversationId) ?? -Infinity;
    entry.lastAt.set(m.conversationId, Math.max(last, m.createdAt.getTime()));
    problems.set(key, entry);
  }
  const problemList = [...problems.values()].map(({ lastAt, ...p }) => ({
    ...p,
    conversations: lastAt.size,
    conversationIds: [...lastAt]
      .sort(([a, at], [b, bt]) => bt - at || (a < b ? -1 : 1))
      .slice(0, PROBLEM_CONVERSATIONS)
      .map(([id]) => id),
  }));

  const started = chats.filter((c) => inWindow(c.createdAt));
  const firstAt = (chatId: string, test: (m: (typeof all)[number]) => boolean, since: Date) =>
    all
      .filter((m) => m.conversationId === chatId && m.createdAt >= since && test(m))
      .map((m) => m.createdAt.getTime())
      .sort((a, b) => a - b)[0];
  const reply = (authors: (a: string) => boolean) => (m: (typeof all)[number]) =>
    m.direction === "outbound" && authors(m.author) && m.status !== "blocked";
  const botTimes: number[] = [];
  const agentTimes: number[] = [];
  let chatsWithCustomerMessage = 0;
  for (const chat of started) {
    const firstIn = all
      .filter((m) => m.conversationId === chat.id && m.direction === "inbound")
      .map((m) => m.createdAt)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    if (firstIn) {
      chatsWithCustomerMessage += 1;
      const bot = firstAt(
        chat.id,
        reply((a) => a === "bot"),
        firstIn,
      );
      if (bot !== undefined) botTimes.push(bot - firstIn.getTime());
    }
    if (chat.handedOffAt) {
      const agent = firstAt(
        chat.id,
        reply((a) => PEOPLE.has(a)),
        chat.handedOffAt,
      );
      if (agent !== undefined) agentTimes.push(agent - chat.handedOffAt.getTime());
    }
  }

  const withAgent = chats.filter((c) => c.status === "agent");
  const waitingSince = withAgent.flatMap((chat) => {
    const lastIn = all
      .filter((m) => m.conversationId === chat.id && m.direction === "inbound")
      .map((m) => m.createdAt.getTime())
      .sort((a, b) => b - a)[0];
    if (lastIn === undefined) return [];
    return firstAt(
      chat.id,
      reply((a) => PEOPLE.has(a)),
      new Date(lastIn),
    ) === undefined
      ? [lastIn]
      : [];
  });

  return {
    outbound: outbound.length,
    queued: of("queued"),
    sent,
    delivered,
    read,
    failed: of("failed"),
    blocked: of("blocked"),
    sentRate: rate(sent, outbound.length),
    deliveredRate: rate(delivered, sent),
    readRate: rate(read, delivered),
    failedRate: rate(of("failed"), outbound.length),
    blockedRate: rate(of("blocked"), outbound.length),
    problems: problemList.sort((a, b) => (problemKey(a) < problemKey(b) ? -1 : 1)),
    chatsWithCustomerMessage,
    botFirstReply: { replied: botTimes.length, medianMs: sortedMedian(botTimes) },
    handedOff: started.filter((c) => c.handedOffAt !== null).length,
    agentFirstReply: { replied: agentTimes.length, medianMs: sortedMedian(agentTimes) },
    withAgentNow: withAgent.length,
    waitingForReplyNow: waitingSince.length,
    oldestWaitingSince: waitingSince.length ? new Date(Math.min(...waitingSince)) : null,
  };
}

describe(`message health [${testDbBackend}]`, () => {
  it("equals a brute-force count over random chats and messages, per store, across DST and the window's edges", async () => {
    const stores = await twoStores(db());
    for (const [w, window] of TEST_WINDOWS.entries()) {
      for (const [index, store] of stores.entries()) {
        await seedMessageStore(db(), store, window, seededRandom(300 + 10 * w + index));
      }
    }
    for (const window of TEST_WINDOWS) {
      for (const store of stores) {
        const health = await messageHealth(db(), store, window);
        const expected = await reference(db(), store, window);
        // The Overview card's figures: the same counts, without first replies and problems.
        const { problems: _p, botFirstReply: _b, agentFirstReply: _a, ...cardFigures } = expected;
        const { chatsWithCustomerMessage: _c, handedOff: _h, ...summaryFigures } = cardFigures;
        expect(await messageHealthSummary(db(), store, window)).toEqual(summaryFigures);
        expect({
          ...health,
          problems: [...health.problems].sort((a, b) => (problemKey(a) < problemKey(b) ? -1 : 1)),
        }).toEqual(expected);
        for (let i = 1; i < health.problems.length; i += 1) {
          expect(health.problems[i - 1]!.messages).toBeGreaterThanOrEqual(
            health.problems[i]!.messages,
          );
        }
      }
    }
    // The data exercised what it should.
    const first = await messageHealth(db(), stores[0], TEST_WINDOWS[0]!);
    expect(first.problems.length).toBeGreaterThan(3);
    expect(first.botFirstReply.replied).toBeGreaterThan(1);
    expect(first.agentFirstReply.replied).toBeGreaterThan(1);
    expect(first.waitingForReplyNow).toBeGreaterThan(0);
    expect(first.withAgentNow).toBeGreaterThan(first.waitingForReplyNow);
  });
});
