import { describe, expect, it } from "vitest";
import { consentQuestion } from "@/lib/bot/consent";
import { clampText, limitViolations, WHATSAPP_LIMITS } from "@/lib/bot/limits";
import { botMessagesFor, type BotMessages } from "@/lib/bot/messages";
import { runBot } from "@/lib/bot/run-bot";
import type { BotContext } from "@/lib/bot/types";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import type { InboundContent } from "@/lib/whatsapp/content";
import { botContext, faqs, matcha, orders, tap, text } from "./bot-context";

describe("clampText", () => {
  it("keeps text that fits, trimmed", () => {
    expect(clampText("  Matcha  ", 24)).toBe("Matcha");
    expect(clampText("x".repeat(24), 24)).toBe("x".repeat(24));
  });

  it("cuts with an ellipsis to exactly the limit", () => {
    const cut = clampText("Nambu cast-iron kettle with lid", 20);
    expect(cut).toBe("Nambu cast-iron ket…");
    expect(cut).toHaveLength(20);
  });

  it("never splits an emoji's surrogate pair", () => {
    const cut = clampText("🍵".repeat(20), 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toBe("🍵🍵🍵🍵…");
  });
});

describe("limitViolations", () => {
  it("finds titles, labels and rows over the limit", () => {
    expect(
      limitViolations({
        type: "buttons",
        body: "b",
        buttons: [{ id: "x", title: "y".repeat(21) }],
      }),
    ).toHaveLength(1);
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: "t".repeat(25) }));
    const problems = limitViolations({
      type: "list",
      body: "b",
      button: "b".repeat(21),
      sections: [{ title: "s", rows }],
    });
    expect(problems).toHaveLength(1 + 1 + 11);
  });
});

/** Every fixed string the bot sends as a button title or list label, with its limit. */
function labels(messages: BotMessages): [string, string, number][] {
  const { menu, product, catalog, orders: orderCopy, faq, consent, loyalty } = messages;
  const { rowTitle, rowDescription, buttonTitle, listButton, sectionTitle, footer } =
    WHATSAPP_LIMITS;
  return [
    ["menu.button", menu.button, listButton],
    ["menu.section", menu.section, sectionTitle],
    ...(["catalog", "orders", "faq", "agent"] as const).flatMap(
      (row): [string, string, number][] => [
        [`menu.${row}.title`, menu[row].title, rowTitle],
        [`menu.${row}.description`, menu[row].description, rowDescription],
      ],
    ),
    ["product.moreProducts", product.moreProducts, buttonTitle],
    ["product.talkToPerson", product.talkToPerson, buttonTitle],
    ["catalog.button", catalog.button, listButton],
    ["catalog.section", catalog.section, sectionTitle],
    [
      "catalog.truncated",
      catalog.truncated.replace("{shown}", "10").replace("{count}", "1000"),
      footer,
    ],
    ["orders.browse", orderCopy.browse, buttonTitle],
    ["orders.mainMenu", orderCopy.mainMenu, buttonTitle],
    ["faq.button", faq.button, listButton],
    ["faq.section", faq.section, sectionTitle],
    ["consent.yes", consent.yes, buttonTitle],
    ["consent.no", consent.no, buttonTitle],
    ["loyalty.menuRow.title", loyalty.menuRow.title, rowTitle],
    ["loyalty.menuRow.description", loyalty.menuRow.description, rowDescription],
    ...(
      [
        "joinButton",
        "notNowButton",
        "myPointsButton",
        "mainMenuButton",
        "birthdayButton",
        "payFullButton",
      ] as const
    ).map((key): [string, string, number] => [`loyalty.${key}`, loyalty[key], buttonTitle]),
    // The short form must fit whatever the points: up to 1,000,000.
    ["loyalty.useShort", loyalty.useShort.replace("{points}", "1,000,000"), buttonTitle],
  ];
}

const longProduct = {
  ...matcha,
  name: "An extraordinarily long product name that no row title can hold",
  description: "Long. ".repeat(400),
};

/** One message for every path through every intent, with data longer than WhatsApp allows. */
function everyPath(language: (typeof SHOPPER_LANGUAGES)[number]): BotContext[] {
  const products = Array.from({ length: 12 }, (_, i) => ({ ...longProduct, id: `p${i}` }));
  const faqList = faqs.map((faq) => ({
    ...faq,
    language,
    question: `${faq.question} `.repeat(10),
    answer: "A. ".repeat(2000),
  }));
  const options = { products, faqList, store: { greeting: "Welcome! ".repeat(200) } };
  const inbounds: InboundContent[] = [
    text("hi"),
    tap("menu:catalog"),
    tap("product:p1"),
    tap("product:missing"),
    tap("menu:orders"),
    tap("menu:faq"),
    tap("faq:ship-en"),
    tap("menu:agent"),
    text("zzz"),
    { kind: "media", mediaType: "audio" },
    { kind: "media", mediaType: "sticker" },
    { kind: "location", latitude: 1, longitude: 2 },
  ];
  const closed = {
    ...options.store,
    isOpenNow: false,
    nextOpening: new Date("2025-03-04T00:00:00Z"),
  };
  return [
    ...inbounds.map((inbound) => botContext(inbound, language, options)),
    { ...botContext(text("hello"), language, options), referredProduct: longProduct },
    botContext(tap("menu:catalog"), language, { products: [] }),
    botContext(tap("menu:orders"), language, { orderList: [] }),
    botContext(tap("menu:orders"), language, { orderList: Array(50).fill(orders[0]) }),
    botContext(tap("menu:faq"), language, { faqList: [] }),
    botContext(tap("menu:agent"), language, { store: closed }),
  ];
}

describe.each(SHOPPER_LANGUAGES)("WhatsApp limits in %s", (language) => {
  const messages = botMessagesFor(language);

  it.each(labels(messages))("%s fits without being cut", (_path, label, limit) => {
    expect(label.length).toBeLessThanOrEqual(limit);
    expect(label.trim()).not.toBe("");
  });

  it("every reply the bot can give can be sent", async () => {
    for (const context of everyPath(language)) {
      const reply = await runBot(context);
      expect(reply.messages.length).toBeGreaterThan(0);
      for (const content of reply.messages) {
        expect(
          limitViolations(content),
          `${reply.intent} ${JSON.stringify(context.inbound)}`,
        ).toEqual([]);
      }
    }
    expect(limitViolations(consentQuestion(language))).toEqual([]);
  });
});
