import { describe, expect, it } from "vitest";
import { textOf } from "@/lib/bot/match";
import { runBot } from "@/lib/bot/run-bot";
import { botContext, text } from "./bot-context";

/**
 * A ref is five letters from REF_ALPHABET, and several intent words can be spelled with it:
 * STAFF and AGENT (hand-off), MENU (greeting), and an owner's FAQ keyword could be any.
 */
describe("refs never trigger an intent", () => {
  it.each([
    ["(ref STAFF)", "hand-off"],
    ["(ref agent)", "hand-off"],
    ["(ref ＭＥＮＵ)", "menu"],
    ["(ref: HUMAN)", "hand-off"],
  ])("%s alone is not read as %s", async (message, intent) => {
    const reply = await runBot(botContext(text(message)));
    expect(reply.intent).not.toBe(intent);
    expect(reply.intent).toBe("fallback");
  });

  it("matches the words around the ref, not the ref", async () => {
    const reply = await runBot(botContext(text("Hi! I have a question (ref STAFF)")));
    expect(reply.intent).toBe("menu");
  });

  it("does not let a ref hit an owner's FAQ keyword", async () => {
    const faqList = [
      {
        id: "q",
        language: "en" as const,
        question: "Where are you?",
        answer: "Kyoto.",
        keywords: ["ref", "kyoto"],
      },
    ];
    const reply = await runBot(botContext(text("(ref KYT25)"), "en", { faqList }));
    expect(reply.intent).toBe("fallback");
  });

  it("hands intents the text without its ref tag", () => {
    expect(textOf(botContext(text("Call a person (ref AGENT)")))?.trim()).toBe("Call a person");
  });
});
