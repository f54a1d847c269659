import { describe, expect, it } from "vitest";
import { consentQuestion, parseConsentReply } from "@/lib/bot/consent";
import { as, tap, text } from "./bot-context";

describe("consentQuestion", () => {
  it("asks with yes and no buttons in English", () => {
    const question = as(consentQuestion("en"), "buttons");
    expect(question.body).toContain("order updates and offers");
    expect(question.buttons).toEqual([
      { id: "consent:yes", title: "Yes, please" },
      { id: "consent:no", title: "No, thanks" },
    ]);
  });

  it("asks in Japanese", () => {
    const question = as(consentQuestion("ja"), "buttons");
    expect(question.body).toContain("WhatsApp");
    expect(question.buttons.map((button) => button.title)).toEqual(["受け取る", "受け取らない"]);
  });
});

describe("parseConsentReply", () => {
  it("reads the tapped buttons", () => {
    expect(parseConsentReply(tap("consent:yes", "Yes, please"))).toBe("yes");
    expect(parseConsentReply(tap("consent:no", "受け取らない"))).toBe("no");
    expect(parseConsentReply(tap("menu:catalog", "Yes, please"))).toBeNull();
  });

  it.each([
    "yes",
    "Yes, please",
    "ok",
    "はい",
    "好的",
    "no",
    "No, thanks",
    "受け取らない",
    "아니요",
  ])("does not read typed %j as an answer (it may answer anything else)", (typed) => {
    expect(parseConsentReply(text(typed))).toBeNull();
  });

  it("ignores media", () => {
    expect(parseConsentReply({ kind: "media", mediaType: "image", caption: "yes" })).toBeNull();
  });
});
