import { describe, expect, it } from "vitest";
import { formatListTime, formatRemaining, sourceLabel } from "@/lib/inbox/display";
import { conversationHref, inboxHref, inboxSearchSchema } from "@/lib/inbox/filters";
import { sendReplySchema, sendTemplateSchema } from "@/lib/inbox/form-schemas";
import { agentReplyDedupeKey } from "@/lib/inbox/ids";
import { normalizeLabels, splitLabels } from "@/lib/inbox/labels";
import { fillTemplate } from "@/lib/inbox/template-preview";

const conversationId = "2b0c1f4e-6a3d-4c8e-9f0a-1b2c3d4e5f60";
const clientKey = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("inbox labels", () => {
  it("trims, lowercases, collapses spaces and drops empties and duplicates", () => {
    expect(
      normalizeLabels(splitLabels(" VIP ,vip,  Big   Spender ,,配送、Wholesale\nwholesale")),
    ).toEqual({
      ok: true,
      labels: ["vip", "big spender", "配送", "wholesale"],
    });
  });

  it("allows 10 labels of 24 characters, no more", () => {
    const ten = Array.from({ length: 10 }, (_, index) => `${index}`.padEnd(24, "x"));
    expect(normalizeLabels(ten)).toMatchObject({ ok: true });
    expect(normalizeLabels([...ten, "eleven"])).toMatchObject({ ok: false, message: /at most 10/ });
    expect(normalizeLabels(["x".repeat(25)])).toMatchObject({
      ok: false,
      message: /24 characters/,
    });
    expect(normalizeLabels(["あ".repeat(24)])).toMatchObject({ ok: true });
  });
});

describe("inbox query and forms", () => {
  it("falls back to the waiting filter and ignores a bad label", () => {
    expect(inboxSearchSchema.parse({})).toEqual({ filter: "waiting", label: undefined });
    expect(inboxSearchSchema.parse({ filter: "closed", label: " VIP " })).toEqual({
      filter: "closed",
      label: "vip",
    });
    expect(inboxSearchSchema.parse({ filter: ["bot", "all"], label: "x".repeat(40) })).toEqual({
      filter: "waiting",
      label: undefined,
    });
    expect(inboxHref("waiting")).toBe("/dashboard/inbox");
    expect(inboxHref("all", "big spender")).toBe("/dashboard/inbox?filter=all&label=big+spender");
  });

  it("keeps the list's filter and label in a conversation's link (the split view's list)", () => {
    expect(conversationHref(conversationId, "waiting")).toBe(`/dashboard/inbox/${conversationId}`);
    expect(conversationHref(conversationId, "closed", "vip")).toBe(
      `/dashboard/inbox/${conversationId}?filter=closed&label=vip`,
    );
  });

  it("accepts replies of 1 to 4096 characters for a uuid conversation", () => {
    expect(sendReplySchema.safeParse({ conversationId, clientKey, text: " hi " }).data?.text).toBe(
      "hi",
    );
    expect(
      sendReplySchema.safeParse({ conversationId, clientKey, text: "x".repeat(4096) }).success,
    ).toBe(true);
    expect(
      sendReplySchema.safeParse({ conversationId, clientKey, text: "x".repeat(4097) }).success,
    ).toBe(false);
    expect(sendReplySchema.safeParse({ conversationId, clientKey, text: " " }).success).toBe(false);
    expect(sendReplySchema.safeParse({ conversationId: "1", clientKey, text: "hi" }).success).toBe(
      false,
    );
  });

  it("collects template variables param1, param2 … in order", () => {
    const parsed = sendTemplateSchema.safeParse({
      conversationId,
      clientKey,
      templateId: clientKey,
      param2: "#7",
      param1: " Aiko ",
      param4: "ignored after a gap",
    });
    expect(parsed.data?.parameters).toEqual(["Aiko", "#7"]);
    const tabbed = sendTemplateSchema.safeParse({
      conversationId,
      clientKey,
      templateId: clientKey,
      param1: "a\tb",
    });
    expect(tabbed.success).toBe(false);
  });

  it("keys an agent's reply by conversation and draft", () => {
    expect(agentReplyDedupeKey(conversationId, clientKey)).toBe(
      `agent:${conversationId}:${clientKey}`,
    );
  });
});

describe("inbox display", () => {
  it("fills a template preview, keeping placeholders not yet typed", () => {
    expect(fillTemplate("Hi {{1}}, order {{2}} is ready", ["Aiko"])).toBe(
      "Hi Aiko, order {{2}} is ready",
    );
  });

  it("counts down the window and names sources", () => {
    expect(formatRemaining(3 * 3600_000 + 12 * 60_000 + 5000)).toBe("3 h 12 min");
    expect(formatRemaining(59_000)).toBe("59 s");
    expect(formatRemaining(-5)).toBe("0 s");
    expect(sourceLabel("unattributed")).toBe("Unattributed");
    expect(sourceLabel("something_new")).toBe("Something new");
  });

  it("shows today's times and older dates in the store's time zone", () => {
    const now = new Date("2025-03-10T14:00:00Z"); // 23:00 in Tokyo
    expect(formatListTime(new Date("2025-03-10T13:30:00Z"), now, "Asia/Tokyo")).toMatch(
      /10:30\sPM/,
    );
    // 09:30 UTC on the 9th is 18:30 on the 9th in Tokyo: another day there.
    expect(formatListTime(new Date("2025-03-09T09:30:00Z"), now, "Asia/Tokyo")).toBe("Mar 9");
    // 16:30 UTC on the 9th is already the 10th in Tokyo.
    expect(formatListTime(new Date("2025-03-09T16:30:00Z"), now, "Asia/Tokyo")).toMatch(/1:30\sAM/);
  });
});
