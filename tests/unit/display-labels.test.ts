import { describe, expect, it } from "vitest";
import ja from "@/lib/dashboard-i18n/messages/ja";
import { translateMessage } from "@/lib/dashboard-i18n/translate";
import {
  agentDisplayName,
  authorLabel,
  customerLabel,
  formatListTime,
  formatRemaining,
  orderStatusLabel,
  sourceLabel,
} from "@/lib/inbox/display";

describe("the overview's order labels", () => {
  it("names each entry point in words, never as an identifier", () => {
    expect(sourceLabel("qr")).toBe("Shop QR code");
    expect(sourceLabel("product_button")).toBe("Product button");
    expect(sourceLabel("desktop_qr")).toBe("Product page QR");
    expect(sourceLabel("unattributed")).toBe("Unattributed");
    expect(sourceLabel("instagram_story")).toBe("Instagram story");
  });

  it("names each order status in words", () => {
    expect(orderStatusLabel("paid")).toBe("Paid");
    expect(orderStatusLabel("pending")).toBe("Awaiting payment");
    expect(orderStatusLabel("refunded")).toBe("Refunded");
    expect(orderStatusLabel("cancelled")).toBe("Cancelled");
    expect(orderStatusLabel("partially_refunded")).toBe("Partially refunded");
  });
});

describe("the inbox's author line", () => {
  const context = { customerName: "Aiko", currentUserId: "me" };

  it("names the agent who wrote a message, and marks your own", () => {
    expect(
      authorLabel(
        { author: "agent", direction: "outbound", agentUserId: "u2", agentName: "Haruka" },
        context,
      ),
    ).toBe("Haruka");
    expect(
      authorLabel(
        { author: "agent", direction: "outbound", agentUserId: "me", agentName: "Kenji" },
        context,
      ),
    ).toBe("Kenji (you)");
    expect(
      authorLabel(
        { author: "agent", direction: "outbound", agentUserId: "u3", agentName: null },
        context,
      ),
    ).toBe("Agent");
    expect(authorLabel({ author: "bot", direction: "outbound", agentUserId: null }, context)).toBe(
      "Bot",
    );
    expect(
      authorLabel({ author: "customer", direction: "inbound", agentUserId: null }, context),
    ).toBe("Aiko");
  });

  it("falls back to the email's name part when a member has no name", () => {
    expect(agentDisplayName({ name: null, email: "haruka@kyoto-tea.example" })).toBe("haruka");
    expect(agentDisplayName({ name: "  ", email: "ken@example.test" })).toBe("ken");
    expect(agentDisplayName({ name: "Mio", email: "mio@example.test" })).toBe("Mio");
  });
});

describe("the inbox's words in Japanese", () => {
  it("names the authors and the times in the member's language", () => {
    const context = { customerName: "佐藤", currentUserId: "me" };
    const words = ja.inboxView.thread;
    expect(
      authorLabel({ author: "bot", agentUserId: null, direction: "outbound" }, context, words),
    ).toBe("ボット");
    expect(
      authorLabel(
        { author: "agent", agentUserId: "me", direction: "outbound", agentName: "Aiko" },
        context,
        words,
      ),
    ).toBe("Aiko（あなた）");
    expect(
      authorLabel({ author: "agent", agentUserId: "other", direction: "outbound" }, context, words),
    ).toBe("スタッフ");
    const now = new Date("2026-12-06T10:00:00Z");
    expect(formatListTime(new Date("2026-12-01T03:00:00Z"), now, "Asia/Tokyo", "ja")).toBe(
      "12月1日",
    );
    expect(customerLabel({ name: null, phone: null }, ja.inboxView.whatsappUser)).toBe(
      "WhatsAppユーザー",
    );
  });
});

describe("the inbox's action messages in Japanese", () => {
  it("counts the reply window down and answers refusals in the member's language", () => {
    expect(formatRemaining(3 * 3600_000 + 12 * 60_000, ja.inboxView.window)).toBe("3時間12分");
    expect(formatRemaining(59_000, ja.inboxView.window)).toBe("59秒");
    expect(
      translateMessage(
        "Meta has not approved this template (it is pending), so it cannot be sent.",
        "inbox",
        "ja",
      ),
    ).toBe("このテンプレートはMetaに承認されていないため（状態：pending）、送信できません。");
    expect(translateMessage("Labels: vip, wholesale.", "inbox", "ja")).toBe(
      "ラベル：vip, wholesale。",
    );
  });
});
