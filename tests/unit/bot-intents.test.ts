import { describe, expect, it } from "vitest";
import { runBot } from "@/lib/bot/run-bot";
import { formatMoney } from "@/lib/money/format";
import { as, botContext, kettle, matcha, rowIds, tap, text } from "./bot-context";

const MENU_ROWS = ["menu:catalog", "menu:orders", "menu:faq", "menu:agent"];

describe("menu", () => {
  it.each([
    ["hi", "en"],
    ["Hello there", "en"],
    ["ＭＥＮＵ", "en"],
    ["こんにちは", "ja"],
    ["メニューを見せて", "ja"],
    ["你好", "zh-Hans"],
    ["안녕하세요", "ko"],
  ] as const)("answers %s with the menu list", async (message, language) => {
    const reply = await runBot(botContext(text(message), language));
    expect(reply.intent).toBe("menu");
    expect(rowIds(reply.messages[0])).toEqual(MENU_ROWS);
  });

  it("answers the menu button", async () => {
    const reply = await runBot(botContext(tap("menu", "Main menu")));
    expect(reply.intent).toBe("menu");
  });

  it("welcomes in English by store name, then asks how it can help", async () => {
    const plain = as((await runBot(botContext(text("hi")))).messages[0], "list");
    expect(plain.body).toBe(
      "Hi! Welcome to Kyoto Tea.\n\nHow can we help? Choose an option below.",
    );
    expect(plain.sections[0]?.rows[0]?.title).toBe("Browse products");
  });

  it.each([
    ["en", "Welcome to our tea house! What can we do for you?"],
    ["ja", "いらっしゃいませ。ご用件をお選びください。"],
  ] as const)(
    "lets the owner's %s greeting stand alone, not asking twice",
    async (lang, greeting) => {
      const reply = await runBot(botContext(text("hi"), lang, { store: { greeting } }));
      const list = as(reply.messages[0], "list");
      expect(list.body).toBe(greeting);
      expect(rowIds(list)).toEqual(MENU_ROWS);
    },
  );

  it("speaks Japanese", async () => {
    const list = as((await runBot(botContext(text("こんにちは"), "ja"))).messages[0], "list");
    expect(list.body).toContain("Kyoto Teaへようこそ");
    expect(list.button).toBe("メニュー");
    expect(list.sections[0]?.rows.map((row) => row.title)).toEqual([
      "商品を見る",
      "注文状況",
      "よくある質問",
      "担当者と話す",
    ]);
  });

  it("does not mistake words that contain a greeting for one", async () => {
    const reply = await runBot(botContext(text("this is history")));
    expect(reply.intent).toBe("fallback");
  });
});

describe("product inquiry", () => {
  it("shows the referred product's card in English", async () => {
    const context = botContext(text("Hi! I'd like to know more about Matcha tea set (ref K7Q2M)"));
    const reply = await runBot({ ...context, referredProduct: matcha });
    expect(reply.intent).toBe("product-inquiry");
    const card = as(reply.messages[0], "buttons");
    expect(card.body).toBe(`Matcha tea set — ¥2,800\n\n${matcha.description}`);
    expect(card.buttons).toEqual([
      { id: "buy:p-matcha", title: "Buy" },
      { id: "catalog", title: "More products" },
      { id: "menu:agent", title: "Talk to a person" },
    ]);
  });

  it("shows a tapped product in Japanese with the yen price as ja-JP formats it", async () => {
    const reply = await runBot(botContext(tap("product:p-kettle"), "ja"));
    const card = as(reply.messages[0], "buttons");
    const price = formatMoney(15400, "JPY", "ja-JP");
    expect(price).toBe("￥15,400");
    expect(card.body.startsWith(`${kettle.name} — ${price}`)).toBe(true);
    expect(card.buttons.map((button) => button.title)).toEqual([
      "購入する",
      "ほかの商品",
      "担当者と話す",
    ]);
  });

  it("trims a long description so the body fits 1024 characters", async () => {
    const long = { ...matcha, description: "Finely ground. ".repeat(200) };
    const reply = await runBot({ ...botContext(text("hello")), referredProduct: long });
    const body = as(reply.messages[0], "buttons").body;
    expect(body.length).toBeLessThanOrEqual(1024);
    expect(body.length).toBeGreaterThan(1000);
    expect(body.endsWith("…")).toBe(true);
  });

  it("says a removed product is gone and shows the catalog", async () => {
    const reply = await runBot(botContext(tap("product:p-gone")));
    expect(as(reply.messages[0], "text").text).toBe("Sorry, that product is no longer available.");
    expect(rowIds(reply.messages[1])).toEqual(["product:p-matcha", "product:p-kettle"]);
  });
});

describe("catalog", () => {
  it.each([
    [tap("menu:catalog"), "en"],
    [tap("catalog"), "en"],
    [text("What products do you have?"), "en"],
    [text("商品を見たい"), "ja"],
    [text("カタログ"), "ja"],
  ] as const)("lists products for %j", async (inbound, language) => {
    const reply = await runBot(botContext(inbound, language));
    expect(reply.intent).toBe("catalog");
    expect(rowIds(reply.messages[0])).toEqual(["product:p-matcha", "product:p-kettle"]);
  });

  it("cuts long names to 24 characters and shows prices as descriptions", async () => {
    const list = as((await runBot(botContext(tap("menu:catalog"), "ja"))).messages[0], "list");
    const rows = list.sections[0]?.rows ?? [];
    expect(rows[1]?.title).toBe("Nambu cast-iron kettle,…");
    expect(rows[1]?.title.length).toBe(24);
    expect(rows.map((row) => row.description)).toEqual(["￥2,800", "￥15,400"]);
    expect(list.button).toBe("商品一覧");
  });

  it("shows at most 10 products and says how many there are", async () => {
    const products = Array.from({ length: 14 }, (_, i) => ({ ...matcha, id: `p${i}` }));
    const list = as(
      (await runBot(botContext(tap("menu:catalog"), "en", { products }))).messages[0],
      "list",
    );
    expect(rowIds(list)).toHaveLength(10);
    expect(list.footer).toBe("Showing 10 of 14 products");
  });

  it("says so when there are no products, in each language", async () => {
    const en = await runBot(botContext(tap("menu:catalog"), "en", { products: [] }));
    expect(as(en.messages[0], "text").text).toMatch(/no products/);
    const ja = await runBot(botContext(tap("menu:catalog"), "ja", { products: [] }));
    expect(as(ja.messages[0], "text").text).toContain("商品はありません");
  });
});

describe("order status", () => {
  it("lists recent orders with status, total and date in English", async () => {
    const reply = await runBot(botContext(tap("menu:orders")));
    expect(reply.intent).toBe("order-status");
    // The order awaiting payment gets the Pay button: its own /pay/<token> link.
    expect(reply.messages[0]).toEqual({
      type: "cta_url",
      body: [
        "Your recent orders:",
        "#1042 · Paid · ¥18,200 · Mar 3, 2025",
        "#1038 · Awaiting payment · ¥2,800 · Feb 20, 2025",
        "",
        "Tap below to pay order #1038.",
      ].join("\n"),
      displayText: "Pay ¥2,800",
      url: "https://shop.test/pay/tok1038",
    });
  });

  it("answers typed questions in Japanese, with dates in the store's timezone", async () => {
    const reply = await runBot(
      botContext(text("注文はどうなっていますか"), "ja", {
        store: { timezone: "America/New_York" },
      }),
    );
    const lines = as(reply.messages[0], "cta_url").body.split("\n");
    expect(lines[0]).toBe("最近のご注文：");
    // 2025-02-20T10:00Z is still Feb 20 in New York; 2025-03-03T02:00Z is Mar 2 there.
    expect(lines[1]).toBe("#1042・お支払い済み・￥18,200・2025/03/02");
    expect(lines[2]).toBe("#1038・お支払い待ち・￥2,800・2025/02/20");
  });

  it("offers the menu when there are no orders", async () => {
    const reply = await runBot(botContext(text("where is my order"), "en", { orderList: [] }));
    const message = as(reply.messages[0], "buttons");
    expect(message.body).toBe("You don't have any orders with us yet.");
    expect(message.buttons.map((button) => button.id)).toEqual(["menu:catalog", "menu"]);
    const ja = await runBot(botContext(tap("menu:orders"), "ja", { orderList: [] }));
    expect(as(ja.messages[0], "buttons").body).toBe("まだご注文はありません。");
  });
});
