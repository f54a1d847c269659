import { describe, expect, it } from "vitest";
import { limitViolations } from "@/lib/bot/limits";
import { parseQuantity } from "@/lib/bot/quantity";
import { runBot } from "@/lib/bot/run-bot";
import type { BotCheckoutRequest } from "@/lib/bot/types";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { as, botContext, tap, text } from "./bot-context";

describe("parseQuantity", () => {
  it.each([
    // en
    ["3", 3],
    ["3 please", 3],
    ["x2", 2],
    ["5 pcs", 5],
    ["three", 3],
    ["1,000", 1000],
    // ja
    ["３", 3],
    ["3個", 3],
    ["３つください", 3],
    ["みっつ", 3],
    ["三つ", 3],
    ["ここのつ", 9],
    ["十二", 12],
    // zh-Hans
    ["3个", 3],
    ["两个", 2],
    ["五件", 5],
    // ko
    ["3개", 3],
    ["3개 주세요", 3],
    ["세 개", 3],
    ["하나", 1],
  ])("reads %s as %d", (input, expected) => {
    expect(parseQuantity(input)).toBe(expected);
  });

  it("returns what was said, valid or not, for the caller to judge", () => {
    expect(parseQuantity("0")).toBe(0);
    expect(parseQuantity("-1")).toBe(-1);
    expect(parseQuantity("－１")).toBe(-1);
    expect(parseQuantity("100")).toBe(100);
    expect(parseQuantity("1.5")).toBe(1.5);
  });

  it.each(["abc", "", "what colours?", "네", "talk to a person", "3 and 4"])(
    "does not read %j as a number",
    (input) => {
      expect(parseQuantity(input)).toBeNull();
    },
  );
});

describe("the Buy intent (pure)", () => {
  const languages: ShopperLanguage[] = ["en", "ja", "zh-Hans", "ko"];

  it.each(languages)("asks how many, within WhatsApp's limits, in %s", async (language) => {
    const reply = await runBot(botContext(tap("buy:p-matcha"), language));
    expect(reply.intent).toBe("buy-quantity");
    const list = as(reply.messages[0], "list");
    expect(limitViolations(list)).toEqual([]);
    expect(list.sections[0]!.rows.map((row) => row.id)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `qty:p-matcha:${n}`),
    );
  });

  it("checks out a typed number for the product the last question asked about", async () => {
    const requests: BotCheckoutRequest[] = [];
    const context = botContext(text("3個"), "ja", {
      quantityAskedFor: async () => "p-matcha",
      checkout: async (request) => {
        requests.push(request);
        return {
          status: "ready",
          resent: false,
          link: { orderId: "o1", orderNumber: "1001", dedupeKey: "order:o1:link:1" },
        };
      },
    });
    const reply = await runBot(context);
    expect(requests).toEqual([{ kind: "product", productId: "p-matcha", quantity: 3 }]);
    expect(reply).toMatchObject({ intent: "buy", messages: [], paymentLink: { orderId: "o1" } });
  });

  it("never checks out a bad quantity, and asks again", async () => {
    for (const typed of ["0", "-1", "100", "abc"]) {
      let called = false;
      const reply = await runBot(
        botContext(text(typed), "en", {
          quantityAskedFor: async () => "p-matcha",
          checkout: async () => {
            called = true;
            return { status: "unavailable" };
          },
        }),
      );
      expect(called).toBe(false);
      expect(reply.intent).toBe("buy-quantity");
      expect(as(reply.messages[1], "list").sections[0]!.rows).toHaveLength(5);
    }
  });

  it("lets other intents answer text that is no number after the question", async () => {
    const reply = await runBot(
      botContext(text("I'd like to talk to a person"), "en", {
        quantityAskedFor: async () => "p-matcha",
      }),
    );
    expect(reply.intent).toBe("hand-off");
  });

  it("says payment is not available, offering a person, when the store cannot take it", async () => {
    const reply = await runBot(
      botContext(tap("buy:p-matcha"), "ko", { paymentsAvailable: async () => false }),
    );
    const message = as(reply.messages[0], "buttons");
    expect(message.body).toMatch(/채팅 결제는 아직/);
    expect(message.buttons.map((button) => button.id)).toEqual(["menu:agent"]);
  });
});
