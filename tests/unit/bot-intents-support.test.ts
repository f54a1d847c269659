import { describe, expect, it } from "vitest";
import { runBot } from "@/lib/bot/run-bot";
import type { InboundContent } from "@/lib/whatsapp/content";
import { as, botContext, faqs, rowIds, tap, text } from "./bot-context";

describe("faq", () => {
  it("lists the questions in the conversation language", async () => {
    const en = await runBot(botContext(tap("menu:faq")));
    expect(en.intent).toBe("faq");
    expect(rowIds(en.messages[0])).toEqual(["faq:ship-en", "faq:returns-en"]);
    const ja = await runBot(botContext(tap("menu:faq"), "ja"));
    const list = as(ja.messages[0], "list");
    expect(rowIds(list)).toEqual(["faq:ship-ja"]);
    expect(list.sections[0]?.rows[0]).toEqual({
      id: "faq:ship-ja",
      title: "配送にはどのくらいかかりますか？",
    });
  });

  it("lists the store's FAQs in any language when none are in the conversation language", async () => {
    const reply = await runBot(botContext(tap("menu:faq"), "ko"));
    expect(rowIds(reply.messages[0])).toEqual(["faq:ship-en", "faq:ship-ja", "faq:returns-en"]);
  });

  it("shows a long question whole in the row description", async () => {
    const question = "Do you ship to addresses outside Japan, for example to Europe?";
    const faqList = [{ ...faqs[0]!, question }];
    const list = as(
      (await runBot(botContext(tap("menu:faq"), "en", { faqList }))).messages[0],
      "list",
    );
    const row = list.sections[0]?.rows[0];
    expect(row?.title).toHaveLength(24);
    expect(row?.description).toBe(question);
  });

  it("answers a tapped question", async () => {
    const reply = await runBot(botContext(tap("faq:returns-en")));
    expect(as(reply.messages[0], "text").text).toBe(
      "*Can I return an item?*\n\nYes, within 14 days.",
    );
  });

  it("answers free text that hits an FAQ's keywords, in the conversation language first", async () => {
    const en = await runBot(botContext(text("How much is SHIPPING to Osaka?")));
    expect(en.intent).toBe("faq");
    expect(as(en.messages[0], "text").text).toContain("Orders ship within 2 business days.");
    const ja = await runBot(botContext(text("いつ届くか教えてください"), "ja"));
    expect(as(ja.messages[0], "text").text).toContain("2営業日以内に発送します。");
  });

  it("answers from another language's FAQ when that is the only hit", async () => {
    const reply = await runBot(botContext(text("Can I get a refund"), "ja"));
    expect(as(reply.messages[0], "text").text).toContain("Yes, within 14 days.");
  });

  it("needs whole Latin words: 'shipment' is not 'ship'", async () => {
    const reply = await runBot(botContext(text("my shipment box")));
    expect(reply.intent).toBe("fallback");
  });

  it("says there are no questions yet", async () => {
    const reply = await runBot(botContext(tap("menu:faq"), "ja", { faqList: [] }));
    expect(as(reply.messages[0], "text").text).toContain("よくある質問はまだありません");
  });
});

describe("hand-off", () => {
  const monday9Tokyo = new Date("2025-03-03T00:00:00Z");

  it.each([
    [tap("menu:agent"), "en"],
    [text("Can I talk to a human?"), "en"],
    [text("STAFF please"), "en"],
    [text("担当者と話したい"), "ja"],
    [text("スタッフに聞きたい"), "ja"],
    [text("转人工"), "zh-Hans"],
    [text("상담원 연결해 주세요"), "ko"],
  ] as const)("hands %j to a person", async (inbound, language) => {
    const reply = await runBot(botContext(inbound, language));
    expect(reply.intent).toBe("hand-off");
    expect(reply.handOff).toBe(true);
  });

  it("promises a quick answer within business hours", async () => {
    const en = await runBot(botContext(tap("menu:agent")));
    expect(as(en.messages[0], "text").text).toBe("Thanks! A person will reply here shortly.");
    const ja = await runBot(botContext(tap("menu:agent"), "ja"));
    expect(as(ja.messages[0], "text").text).toContain("担当者がまもなく");
  });

  it("names the next opening in the store's timezone when closed", async () => {
    const store = { isOpenNow: false, nextOpening: monday9Tokyo, timezone: "Asia/Tokyo" };
    const en = await runBot(botContext(tap("menu:agent"), "en", { store }));
    expect(as(en.messages[0], "text").text).toBe(
      "Our team is away right now. A person will reply here when we're back (Monday 9:00 AM).",
    );
    const ja = await runBot(botContext(tap("menu:agent"), "ja", { store }));
    expect(as(ja.messages[0], "text").text).toContain("月曜日 9:00以降");
    const newYork = { ...store, timezone: "America/New_York" };
    const shifted = await runBot(botContext(tap("menu:agent"), "en", { store: newYork }));
    expect(as(shifted.messages[0], "text").text).toContain("(Sunday 7:00 PM)");
  });

  it("says 'as soon as we are back' when no opening is known", async () => {
    const store = { isOpenNow: false, nextOpening: null };
    const reply = await runBot(botContext(text("agent"), "en", { store }));
    expect(reply.handOff).toBe(true);
    expect(as(reply.messages[0], "text").text).toContain("as soon as we are back");
  });
});

describe("fallback and media", () => {
  it("apologises and shows the menu", async () => {
    const reply = await runBot(botContext(text("asdf qwerty")));
    expect(reply.intent).toBe("fallback");
    expect(reply.handOff).toBeUndefined();
    const list = as(reply.messages[0], "list");
    expect(list.body).toMatch(/^Sorry, I didn't catch that\./);
    expect(rowIds(list)).toEqual(["menu:catalog", "menu:orders", "menu:faq", "menu:agent"]);
  });

  it("answers unknown reply ids with the menu rather than guessing", async () => {
    const reply = await runBot(botContext(tap("promo:spring", "Spring sale")));
    expect(reply.intent).toBe("fallback");
  });

  const cases: [InboundContent, string, string][] = [
    [
      { kind: "media", mediaType: "image" },
      "Thanks for the photo — a person will look at it.",
      "写真",
    ],
    [{ kind: "media", mediaType: "document" }, "Thanks for the document", "ファイル"],
    [
      { kind: "media", mediaType: "audio" },
      "I can't listen to voice messages; please type",
      "音声メッセージ",
    ],
    [{ kind: "location", latitude: 35.0, longitude: 135.7 }, "your location", "位置情報"],
    [{ kind: "unsupported", type: "contacts" }, "can't read that kind", "形式"],
  ];

  it.each(cases)("answers %j sensibly, then the menu", async (inbound, english, japanese) => {
    const en = as((await runBot(botContext(inbound))).messages[0], "list");
    expect(en.body).toContain(english);
    expect(en.body).not.toContain("didn't catch");
    expect(rowIds(en)).toContain("menu:agent");
    const ja = as((await runBot(botContext(inbound, "ja"))).messages[0], "list");
    expect(ja.body).toContain(japanese);
  });

  it("does not read keywords in a caption as a request", async () => {
    const inbound: InboundContent = { kind: "media", mediaType: "image", caption: "order" };
    expect((await runBot(botContext(inbound))).intent).toBe("fallback");
  });
});
