import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LOYALTY_CHAT_IDS } from "@/lib/loyalty/chat-ids";
import { freshWaId } from "../processing/helpers";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type OrderStore,
  restoreEnv,
  say,
  send,
  tapButton,
  tapRow,
  usePaymentEnv,
} from "../orders/bot-order-helpers";
import {
  accountFor,
  balanceChecked,
  bodyOf,
  buttonsOf,
  createLoyaltyChatStore,
  ledgerOf,
  post,
  PROGRAMME,
} from "./chat-helpers";

const getDb = setupTestDatabase();
let shop: OrderStore;
let off: OrderStore;

beforeAll(async () => {
  shop = await createLoyaltyChatStore(getDb());
  off = await createLoyaltyChatStore(getDb(), { enabled: false });
});
beforeEach(() => usePaymentEnv());
afterAll(() => restoreEnv());

const rowIdsOf = (message: { content: unknown } | undefined) =>
  (message?.content as { sections: { rows: { id: string }[] }[] }).sections[0]!.rows.map(
    (row) => row.id,
  );

describe(`joining in the chat [${testDbBackend}]`, () => {
  it.each([
    ["points", "Welcome to Kyoto Tea Points! 100 points"],
    ["ポイント", "Kyoto Tea Pointsへようこそ！入会特典として100ポイント"],
    ["积分", "欢迎加入Kyoto Tea Points！已赠送100积分"],
    ["포인트", "Kyoto Tea Points에 오신 것을 환영합니다! 가입 혜택으로 100포인트"],
    ["join", "Welcome to Kyoto Tea Points!"],
    ["My points please", "Welcome to Kyoto Tea Points!"],
  ])("%s → joins with the bonus once; sent again → My points", async (word, welcome) => {
    const waId = freshWaId();
    const first = await send(getDb(), shop, waId, say(word));
    expect(first[0]).toMatchObject({ intent: "loyalty-join" });
    expect(bodyOf(first[0])).toContain(welcome);
    expect(buttonsOf(first[0]).map((b) => b.id)).toContain(LOYALTY_CHAT_IDS.myPoints);

    const again = await send(getDb(), shop, waId, say(word));
    expect(again[0]).toMatchObject({ intent: "loyalty-points" });
    expect(bodyOf(again[0])).toContain(PROGRAMME);
    const ledger = await ledgerOf(getDb(), shop, waId);
    expect(ledger.map((row) => [row.reason, row.delta])).toEqual([["signup", 100]]);
    expect(await balanceChecked(getDb(), shop, waId)).toBe(100);
  });

  it("'join' inside a sentence is not joining; the programme off leaves 'points' to the bot", async () => {
    const waId = freshWaId();
    const replies = await send(getDb(), shop, waId, say("can I join the tea tasting"));
    expect(replies[0]!.intent).not.toMatch(/^loyalty/);
    expect(await accountFor(getDb(), shop, waId)).toBeNull();

    const other = freshWaId();
    const answered = await send(getDb(), off, other, say("points"));
    expect(answered[0]!.intent).toBe("fallback");
    expect(rowIdsOf(answered[0])).not.toContain(LOYALTY_CHAT_IDS.myPoints);
    expect(await accountFor(getDb(), off, other)).toBeNull();
  });

  it("the menu has My points while the programme is on; a non-member's tap asks first", async () => {
    const waId = freshWaId();
    const menu = await send(getDb(), shop, waId, say("hello"));
    expect(rowIdsOf(menu[0])).toContain(LOYALTY_CHAT_IDS.myPoints);

    const asked = await send(getDb(), shop, waId, tapRow(LOYALTY_CHAT_IDS.myPoints, "My points"));
    expect(asked[0]).toMatchObject({ intent: "loyalty-invite" });
    expect(bodyOf(asked[0])).toContain("Join Kyoto Tea Points");
    expect(buttonsOf(asked[0]).map((b) => b.id)).toEqual([
      LOYALTY_CHAT_IDS.join,
      LOYALTY_CHAT_IDS.notNow,
    ]);
    expect((await accountFor(getDb(), shop, waId))?.joinedAt ?? null).toBeNull();

    const notNow = await send(getDb(), shop, waId, tapButton(LOYALTY_CHAT_IDS.notNow, "Not now"));
    expect(notNow).toHaveLength(1);
    expect(notNow[0]).toMatchObject({ intent: "loyalty-not-now", type: "text" });
    expect((await accountFor(getDb(), shop, waId))?.joinedAt ?? null).toBeNull();

    const joined = await send(getDb(), shop, waId, tapButton(LOYALTY_CHAT_IDS.join, "Join"));
    expect(joined[0]).toMatchObject({ intent: "loyalty-join" });
    await send(getDb(), shop, waId, tapButton(LOYALTY_CHAT_IDS.join, "Join"));
    expect((await ledgerOf(getDb(), shop, waId)).map((row) => row.delta)).toEqual([100]);
  });

  it("a Join tap while the programme is off says so and joins no one", async () => {
    const waId = freshWaId();
    const replies = await send(getDb(), off, waId, tapButton(LOYALTY_CHAT_IDS.join, "Join"));
    expect(replies[0]).toMatchObject({ intent: "loyalty-off" });
    expect(bodyOf(replies[0])).toContain("isn't running");
    expect((await accountFor(getDb(), off, waId))?.joinedAt ?? null).toBeNull();
  });
});

describe(`My points [${testDbBackend}]`, () => {
  it("shows available and pending, tier and the next, expiry and the last 5 changes", async () => {
    const waId = freshWaId();
    await send(getDb(), shop, waId, say("points"));
    // After the welcome bonus, a second apart, so that the bonus is the oldest of six.
    const day = (n: number) => new Date(Date.now() + n * 1000);
    const soon = new Date(Date.now() + 5 * 86_400_000);
    for (const [n, delta] of [
      [1, 40],
      [2, 30],
      [3, -20],
      [4, 12],
      [5, 7],
    ] as const) {
      await post(getDb(), shop, waId, {
        delta,
        reason: delta < 0 ? "redeem" : "earn",
        causeKey: `t:${waId}:${n}`,
        at: day(n),
        availableAt: new Date(Date.now() - 1000),
      });
    }
    await post(getDb(), shop, waId, {
      delta: 25,
      reason: "earn",
      causeKey: `t:${waId}:pending`,
      at: day(6),
      availableAt: soon,
    });

    const replies = await send(getDb(), shop, waId, tapRow(LOYALTY_CHAT_IDS.myPoints, "My points"));
    expect(replies[0]).toMatchObject({ intent: "loyalty-points" });
    const body = bodyOf(replies[0]);
    // 100 + 40 + 30 − 20 + 12 + 7 available; 25 pending.
    expect(body).toContain("Available: 169 points");
    expect(body).toMatch(/Pending: 25 points \(available on \w+ \d+, \d{4}\)/);
    expect(body).toContain("Tier: Member");
    expect(body).toContain("Spend ¥50,000 more to reach Silver.");
    expect(body).toMatch(/169 points expire on \w+ \d+, \d{4}/);
    const history = body.split("Recent changes:\n")[1]!.split("\n");
    expect(history).toHaveLength(5);
    expect(history[0]).toMatch(/ · \+25 · Earned on an order$/);
    expect(history[1]).toMatch(/ · \+7 · Earned on an order$/);
    expect(history[3]).toMatch(/ · −20 · Used on an order$/);
    // The welcome bonus, the oldest of six changes, is not among the last five.
    expect(body).not.toContain("Welcome bonus");
    expect(buttonsOf(replies[0]).map((b) => b.id)).toEqual([LOYALTY_CHAT_IDS.birthday, "menu"]);
    expect(await balanceChecked(getDb(), shop, waId)).toBe(194);
  });

  it("explains a negative balance", async () => {
    const waId = freshWaId();
    await send(getDb(), shop, waId, say("ポイント"));
    await post(getDb(), shop, waId, {
      delta: -160,
      reason: "reversal",
      causeKey: `t:${waId}:reversal`,
      at: new Date(),
    });
    const replies = await send(getDb(), shop, waId, say("ポイント"));
    const body = bodyOf(replies[0]);
    expect(body).toContain("利用可能：-60ポイント");
    expect(body).toContain("残高がマイナス");
    expect(body).toContain("返金による取消");
  });
});

describe(`the birthday [${testDbBackend}]`, () => {
  it("asks for month and day, refuses 30 February, keeps month and day only", async () => {
    const waId = freshWaId();
    await send(getDb(), shop, waId, say("points"));
    const asked = await send(getDb(), shop, waId, tapButton(LOYALTY_CHAT_IDS.birthday, "Birthday"));
    expect(asked[0]).toMatchObject({ intent: "loyalty-birthday-ask" });

    const refused = await send(getDb(), shop, waId, say("2/30"));
    expect(refused[0]).toMatchObject({ intent: "loyalty-birthday-ask" });
    expect(bodyOf(refused[0])).toContain("doesn't exist");
    expect((await accountFor(getDb(), shop, waId))?.birthdayMonth).toBeNull();

    const saved = await send(getDb(), shop, waId, say("24 Dec"));
    expect(saved[0]).toMatchObject({ intent: "loyalty-birthday" });
    expect(bodyOf(saved[0])).toContain("December 24");
    expect(bodyOf(saved[0])).toContain("100 points in your birthday month");
    expect(await accountFor(getDb(), shop, waId)).toMatchObject({
      birthdayMonth: 12,
      birthdayDay: 24,
    });

    // The question answered, a date is no longer read as a birthday.
    const later = await send(getDb(), shop, waId, say("3/4"));
    expect(later[0]!.intent).not.toMatch(/birthday/);
    const summary = await send(getDb(), shop, waId, say("points"));
    expect(bodyOf(summary[0])).toContain("Birthday: December 24");
    expect(buttonsOf(summary[0]).map((b) => b.id)).toEqual(["menu"]);
  });

  it.each([
    ["12月24日", 12, 24],
    ["12月24号", 12, 24],
    ["12월 24일", 12, 24],
    ["29/2", 2, 29],
  ])("reads %s", async (typed, month, day) => {
    const waId = freshWaId();
    await send(getDb(), shop, waId, say("points"));
    await send(getDb(), shop, waId, tapButton(LOYALTY_CHAT_IDS.birthday, "Birthday"));
    const saved = await send(getDb(), shop, waId, say(typed));
    expect(saved[0]).toMatchObject({ intent: "loyalty-birthday" });
    expect(await accountFor(getDb(), shop, waId)).toMatchObject({
      birthdayMonth: month,
      birthdayDay: day,
    });
  });
});
