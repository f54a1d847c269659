import { describe, expect, it } from "vitest";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { decideSend, isWithinServiceWindow, serviceWindowEndsAt } from "@/lib/whatsapp/send-policy";

const now = new Date("2026-12-02T12:00:00Z");
const hoursAgo = (hours: number, minutes = 0) =>
  new Date(now.getTime() - (hours * 60 + minutes) * 60_000);
const text: OutgoingContent = { type: "text", text: "Your order shipped" };
const template: OutgoingContent = {
  type: "template",
  name: "order_update",
  language: "ja",
  bodyParameters: ["KT-1"],
};
const optedIn = { optedInAt: hoursAgo(100), optedOutAt: null };

describe("the 24-hour window", () => {
  it("is open at 23h59m and closed at 24h01m", () => {
    expect(isWithinServiceWindow(hoursAgo(23, 59), now)).toBe(true);
    expect(isWithinServiceWindow(hoursAgo(24, 1), now)).toBe(false);
    expect(isWithinServiceWindow(hoursAgo(24), now)).toBe(false);
    expect(isWithinServiceWindow(null, now)).toBe(false);
  });

  it("says when it closes", () => {
    expect(serviceWindowEndsAt(hoursAgo(23), now)).toEqual(new Date(now.getTime() + 3_600_000));
    expect(serviceWindowEndsAt(hoursAgo(25), now)).toBeNull();
  });
});

describe("decideSend", () => {
  it("allows a free-form reply at 23h59m and blocks it at 24h01m, naming the window", () => {
    const reply = (lastInboundAt: Date) =>
      decideSend({
        recipient: { lastInboundAt, optedInAt: null, optedOutAt: null },
        content: text,
        purpose: "reply",
        now,
      });
    expect(reply(hoursAgo(23, 59))).toEqual({ allowed: true });
    expect(reply(hoursAgo(24, 1))).toMatchObject({ allowed: false, reason: "outside_window" });
  });

  it("allows a template outside the window only to an opted-in customer", () => {
    const send = (recipient: { optedInAt: Date | null; optedOutAt: Date | null }) =>
      decideSend({
        recipient: { lastInboundAt: hoursAgo(48), ...recipient },
        content: template,
        purpose: "reply",
        now,
      });
    expect(send(optedIn)).toEqual({ allowed: true });
    expect(send({ optedInAt: null, optedOutAt: null })).toMatchObject({
      allowed: false,
      reason: "no_consent",
    });
  });

  it("never sends business-initiated messages to opted-out customers, even inside the window", () => {
    const decision = decideSend({
      recipient: { lastInboundAt: hoursAgo(1), optedInAt: hoursAgo(50), optedOutAt: hoursAgo(2) },
      content: text,
      purpose: "business_initiated",
      now,
    });
    expect(decision).toMatchObject({ allowed: false, reason: "opted_out" });
  });

  it("needs consent for business-initiated messages, and a later START wins over an earlier STOP", () => {
    const recipient = { lastInboundAt: hoursAgo(1), optedInAt: null, optedOutAt: null };
    expect(
      decideSend({ recipient, content: text, purpose: "business_initiated", now }),
    ).toMatchObject({ reason: "no_consent" });
    const restarted = {
      lastInboundAt: hoursAgo(1),
      optedInAt: hoursAgo(1),
      optedOutAt: hoursAgo(3),
    };
    expect(
      decideSend({ recipient: restarted, content: text, purpose: "business_initiated", now }),
    ).toEqual({ allowed: true });
  });

  it("treats a marketing template as business-initiated, inside the window or not", () => {
    const marketing: OutgoingContent = { ...template, category: "marketing" };
    const utility: OutgoingContent = { ...template, category: "utility" };
    const send = (
      content: OutgoingContent,
      recipient: { optedInAt: Date | null; optedOutAt: Date | null },
      lastInboundAt = hoursAgo(1),
    ) => decideSend({ recipient: { lastInboundAt, ...recipient }, content, purpose: "reply", now });
    const notAsked = { optedInAt: null, optedOutAt: null };
    const optedOut = { optedInAt: null, optedOutAt: hoursAgo(2) };
    expect(send(marketing, notAsked)).toMatchObject({
      allowed: false,
      reason: "no_consent",
      explanation: expect.stringMatching(/marketing template needs the customer's opt-in/),
    });
    expect(send(marketing, optedOut)).toMatchObject({ allowed: false, reason: "opted_out" });
    expect(send(marketing, optedOut, hoursAgo(30))).toMatchObject({ reason: "opted_out" });
    expect(send(marketing, optedIn)).toEqual({ allowed: true });
    expect(send(marketing, optedIn, hoursAgo(30))).toEqual({ allowed: true });
    // Utility templates keep the rule: inside the window, no opt-in needed.
    expect(send(utility, notAsked)).toEqual({ allowed: true });
    expect(send(template, optedOut)).toEqual({ allowed: true });
  });

  it("still answers an opted-out customer's own question inside the window", () => {
    const recipient = { lastInboundAt: hoursAgo(0, 1), optedInAt: null, optedOutAt: hoursAgo(10) };
    expect(decideSend({ recipient, content: text, purpose: "reply", now })).toEqual({
      allowed: true,
    });
  });
});
