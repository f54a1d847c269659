import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers, loyaltyPrograms, messages, outbox } from "@/db/schema";
import { LOYALTY_CHAT_IDS } from "@/lib/loyalty/chat-ids";
import { findAccount } from "@/lib/loyalty/ledger";
import { inviteDedupeKey } from "@/lib/loyalty/invite";
import { setupTestDatabase, testDbBackend } from "../support/database";
import type { PaymentShop } from "../payments/stripe-helpers";
import {
  balanceOf,
  confirmationOf,
  createLoyaltyChatShop,
  orderWithPoints,
  payByWebhook,
  PROGRAMME_NAME,
} from "./pay-helpers";

const getDb = setupTestDatabase();

async function invitesOf(shop: PaymentShop) {
  return getDb()
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.storeId, shop.store.id),
        eq(messages.dedupeKey, inviteDedupeKey(shop.customer.id)),
      ),
    );
}

async function payTwice(shop: PaymentShop, language = "en") {
  const db = getDb();
  const first = await orderWithPoints(db, shop, { language });
  await payByWebhook(db, first.order);
  const second = await orderWithPoints(db, shop, { language });
  await payByWebhook(db, second.order);
  return { first: first.order, second: second.order };
}

describe(`the question to join after a first paid order [${testDbBackend}]`, () => {
  it("asks an opted-in non-member once, with the join buttons, after the confirmation", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db, { join: false });
    const { first } = await payTwice(shop);
    const invites = await invitesOf(shop);
    expect(invites).toHaveLength(1);
    const [invite] = invites;
    expect(invite).toMatchObject({ status: "queued", type: "buttons", author: "system" });
    expect(invite?.content).toEqual({
      type: "buttons",
      body: `Would you like to join ${PROGRAMME_NAME}? You get 100 points for joining, and earn points on every order.`,
      buttons: [
        { id: LOYALTY_CHAT_IDS.join, title: "Join" },
        { id: LOYALTY_CHAT_IDS.notNow, title: "Not now" },
      ],
    });
    const confirmation = await confirmationOf(db, first.id);
    expect(invite!.createdAt.getTime()).toBeGreaterThan(confirmation!.createdAt.getTime());
    expect(await db.select().from(outbox).where(eq(outbox.messageId, invite!.id))).toHaveLength(1);
    const account = await findAccount(db, shop.store.id, shop.customer.id);
    expect(account).toMatchObject({ joinedAt: null, balance: 0 });
    expect(account?.invitedAt).not.toBeNull();
    // Asking is not joining: nothing earned.
    expect(await balanceOf(db, shop)).toBe(0);
  });

  it("asks in the order's language, without the bonus sentence when there is no bonus", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db, {
      join: false,
      language: "ko",
      rules: { signupBonus: 0 },
    });
    const { order } = await orderWithPoints(db, shop, { language: "ko" });
    await payByWebhook(db, order);
    const [invite] = await invitesOf(shop);
    expect(invite?.content).toMatchObject({
      body: `${PROGRAMME_NAME}에 가입하시겠어요? 회원은 주문할 때마다 포인트가 적립됩니다.`,
      buttons: [{ title: "가입하기" }, { title: "다음에" }],
    });
  });

  it("never asks a customer who did not opt in, opted out, is a member, or when the programme is off", async () => {
    const db = getDb();
    const notOptedIn = await createLoyaltyChatShop(db, { join: false, optedIn: false });
    const optedOut = await createLoyaltyChatShop(db, { join: false });
    await db
      .update(customers)
      .set({ optedOutAt: new Date() })
      .where(eq(customers.id, optedOut.customer.id));
    const member = await createLoyaltyChatShop(db);
    const off = await createLoyaltyChatShop(db, { join: false, enabled: false });
    for (const shop of [notOptedIn, optedOut, member, off]) {
      await payTwice(shop);
      expect(await invitesOf(shop)).toEqual([]);
    }
    expect(await findAccount(db, notOptedIn.store.id, notOptedIn.customer.id)).toBeNull();
  });

  it("does not ask after a second paid order when the first was paid before the programme", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db, { join: false, enabled: false });
    const { order } = await orderWithPoints(db, shop);
    await payByWebhook(db, order);
    await db
      .update(loyaltyPrograms)
      .set({ enabled: true })
      .where(eq(loyaltyPrograms.storeId, shop.store.id));
    const { order: second } = await orderWithPoints(db, shop);
    await payByWebhook(db, second);
    expect(await invitesOf(shop)).toEqual([]);
  });

  it("outside the 24-hour window the question is recorded blocked, not sent, and not asked again", async () => {
    const db = getDb();
    const shop = await createLoyaltyChatShop(db, {
      join: false,
      lastInboundAt: new Date(Date.now() - 2 * 86_400_000),
    });
    await payTwice(shop);
    const [invite, ...more] = await invitesOf(shop);
    expect(more).toEqual([]);
    expect(invite?.status).toBe("blocked");
    expect(invite?.errorReason).toMatch(/24 hours/);
    expect(await db.select().from(outbox).where(eq(outbox.messageId, invite!.id))).toEqual([]);
  });
});
