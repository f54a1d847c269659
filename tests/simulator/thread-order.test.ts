import { describe, expect, it } from "vitest";
import { prefilledTextFrom, prefillFromQuery } from "@/lib/simulator/prefill";
import { orderThread } from "@/lib/simulator/thread";
import { readOutgoingContent, safeLinkUrl } from "@/lib/simulator/content";

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, 0) + ms);

describe("simulator thread order", () => {
  it("puts each inbound message right before the replies it caused", () => {
    // Webhook timestamps are whole seconds: the tap at 0.8 s is stamped 0 s, before the card.
    const rows = [
      { id: "hello", direction: "inbound", waMessageId: "w1", dedupeKey: null, createdAt: at(0) },
      {
        id: "card",
        direction: "outbound",
        waMessageId: "s1",
        dedupeKey: "reply:w1:0",
        createdAt: at(300),
      },
      {
        id: "consent",
        direction: "outbound",
        waMessageId: "s2",
        dedupeKey: "reply:w1:1",
        createdAt: at(300),
      },
      { id: "tap", direction: "inbound", waMessageId: "w:2", dedupeKey: null, createdAt: at(0) },
      {
        id: "hand-off",
        direction: "outbound",
        waMessageId: null,
        dedupeKey: "reply:w:2:0",
        createdAt: at(800),
      },
      {
        id: "agent",
        direction: "outbound",
        waMessageId: null,
        dedupeKey: "agent:1",
        createdAt: at(5000),
      },
    ] as const;
    const shuffled = [rows[3], rows[5], rows[2], rows[0], rows[4], rows[1]].map((row) => ({
      ...row,
    }));
    expect(orderThread(shuffled).map((row) => row.id)).toEqual([
      "hello",
      "card",
      "consent",
      "tap",
      "hand-off",
      "agent",
    ]);
  });
});

describe("simulator prefill", () => {
  it("takes the text out of a wa.me link, or keeps what was pasted", () => {
    const text = "Hi! I'd like to know more about Uji Matcha (ref K7Q2X)";
    expect(prefilledTextFrom(` https://wa.me/81751234567?text=${encodeURIComponent(text)} `)).toBe(
      text,
    );
    expect(
      prefilledTextFrom(`https://api.whatsapp.com/send?phone=81&text=${encodeURIComponent(text)}`),
    ).toBe(text);
    expect(prefilledTextFrom(`  ${text}\n`)).toBe(text);
    expect(prefilledTextFrom("https://example.com/?text=nope")).toBe(
      "https://example.com/?text=nope",
    );
    expect(prefillFromQuery(["first", "second"])).toBe("first");
    expect(prefillFromQuery(undefined)).toBe("");
    expect(prefillFromQuery("x".repeat(5000))).toHaveLength(4096);
  });

  it("shows unknown stored content as text and opens only web links", () => {
    expect(readOutgoingContent({ type: "carousel" }, "summary")).toEqual({
      type: "text",
      text: "summary",
    });
    expect(readOutgoingContent({ type: "text", text: "hi" }, "x")).toEqual({
      type: "text",
      text: "hi",
    });
    expect(safeLinkUrl("javascript:alert(1)")).toBeNull();
    expect(safeLinkUrl("https://pay.example/abc")).toBe("https://pay.example/abc");
  });
});
