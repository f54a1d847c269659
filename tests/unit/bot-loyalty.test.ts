import { describe, expect, it } from "vitest";
import { checkoutReply } from "@/lib/bot/intents/checkout-reply";
import { limitViolations } from "@/lib/bot/limits";
import { runBot } from "@/lib/bot/run-bot";
import type { BotLoyalty, BotPointsOffer, BotPointsSummary } from "@/lib/bot/types";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import { LOYALTY_CHAT_IDS } from "@/lib/loyalty/chat-ids";
import { as, botContext, rowIds, tap, text } from "./bot-context";

const programme = {
  name: "Kyoto Tea Points ".repeat(4).trim(),
  signupBonus: 100,
  birthdayBonus: 0,
};
const at = new Date("2025-03-10T00:00:00Z");

const summary: BotPointsSummary = {
  programme,
  currency: "JPY",
  balance: 1_000_120,
  available: 1_000_000,
  pending: 120,
  nextPending: { points: 80, at },
  tierName: "Platinum Collectors' Circle",
  nextTier: { name: "Diamond", neededMinor: 123_456_789 },
  expiring: { points: 1_000_000, at },
  recent: Array.from({ length: 5 }, (_, i) => ({
    delta: i % 2 ? -999_999 : 999_999,
    reason: i % 2 ? ("redeem_return" as const) : ("tier_reward" as const),
    orderNumber: `KT-${100000 + i}`,
    at,
  })),
  birthday: null,
};

const offer: BotPointsOffer = {
  orderId: "0b9c8a1e-7f6d-4c3b-9a2e-1d0c9b8a7f6e",
  orderNumber: "KT-10482",
  points: 999_999,
  discountMinor: 999_999,
  totalMinor: 2_000_000,
  currency: "JPY",
  available: 1_000_000,
};

function fakeLoyalty(options: { on?: boolean; member?: boolean } = {}): BotLoyalty & {
  joined: number;
} {
  const on = options.on ?? true;
  const port = {
    joined: 0,
    programme: async () => (on ? programme : null),
    isMember: async () => on && (options.member ?? true),
    summary: async () => (on && (options.member ?? true) ? summary : null),
    join: async () => {
      port.joined += 1;
      return on ? { status: "joined" as const, bonus: 100 } : { status: "off" as const };
    },
    birthdayAsked: async () => false,
    saveBirthday: async () => "saved" as const,
    offer: async () => offer,
    payWithPoints: async () => ({ status: "changed" as const, offer }),
    payFull: async () => ({ status: "not_found" as const }),
  };
  return port;
}

describe.each(SHOPPER_LANGUAGES)("loyalty replies in %s", (language) => {
  it("fit WhatsApp's limits with long names and large numbers", async () => {
    const paths = [
      text("points"),
      tap(LOYALTY_CHAT_IDS.myPoints),
      tap(LOYALTY_CHAT_IDS.birthday),
      tap(LOYALTY_CHAT_IDS.notNow),
      tap(`${LOYALTY_CHAT_IDS.usePointsPrefix}${offer.orderId}:5`),
      tap(`${LOYALTY_CHAT_IDS.payFullPrefix}${offer.orderId}`),
      tap("menu"),
    ];
    for (const inbound of paths) {
      for (const member of [true, false]) {
        const context = botContext(inbound, language, { loyalty: fakeLoyalty({ member }) });
        const reply = await runBot(context);
        expect(reply.messages.length).toBeGreaterThan(0);
        for (const content of reply.messages) {
          expect(limitViolations(content), `${reply.intent} ${JSON.stringify(inbound)}`).toEqual(
            [],
          );
        }
      }
    }
  });

  it("puts My points in the menu only while the programme is on", async () => {
    const on = await runBot(botContext(tap("menu"), language, { loyalty: fakeLoyalty() }));
    expect(rowIds(on.messages[0])).toContain(LOYALTY_CHAT_IDS.myPoints);
    const off = await runBot(
      botContext(tap("menu"), language, { loyalty: fakeLoyalty({ on: false }) }),
    );
    expect(rowIds(off.messages[0])).not.toContain(LOYALTY_CHAT_IDS.myPoints);
  });
});

describe("the points intents", () => {
  it("leave 'points' to the other intents while the programme is off", async () => {
    const loyalty = fakeLoyalty({ on: false });
    const reply = await runBot(botContext(text("points"), "en", { loyalty }));
    expect(reply.intent).toBe("fallback");
    expect(loyalty.joined).toBe(0);
  });

  it("join a non-member who types 'points'; ask one who taps My points", async () => {
    const typed = fakeLoyalty({ member: false });
    const joined = await runBot(botContext(text("ポイント"), "ja", { loyalty: typed }));
    expect(joined.intent).toBe("loyalty-join");
    expect(typed.joined).toBe(1);

    const tapped = fakeLoyalty({ member: false });
    const asked = await runBot(
      botContext(tap(LOYALTY_CHAT_IDS.myPoints), "en", { loyalty: tapped }),
    );
    expect(asked.intent).toBe("loyalty-invite");
    expect(tapped.joined).toBe(0);
  });

  it("ask to pay with points before the link, with the short title when the long one is too long", async () => {
    const context = botContext(text("x"), "en", {
      loyalty: fakeLoyalty(),
      checkout: async () => ({
        status: "ready",
        resent: false,
        link: { orderId: offer.orderId, orderNumber: offer.orderNumber, dedupeKey: "k" },
      }),
    });
    const reply = await checkoutReply(
      await context.checkout({ kind: "cart", cartId: "c" }),
      context,
      "pay-now",
    );
    expect(reply.paymentLink).toBeUndefined();
    const buttons = as(reply.messages[0], "buttons").buttons;
    expect(buttons.map((button) => button.title)).toEqual(["Use 999,999 points", "Pay full price"]);
  });
});
