import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { authorLabel } from "@/lib/inbox/display";
import { catalogCartLines } from "@/lib/inbox/message-details";
import type { ThreadMessage } from "@/lib/inbox/thread";
import { MessageBody, MessageNotes } from "@/components/inbox/message-details";

describe("catalog carts in the inbox", () => {
  it("lists each item with quantity, SKU and price, and says which match no product", () => {
    const content = {
      kind: "order",
      catalogId: "1",
      items: [
        {
          retailerId: "MATCHA",
          quantity: 2,
          unitPriceMinor: 3200,
          currency: "JPY",
          productId: "p1",
        },
        { retailerId: "ODD", quantity: 1, unitPriceMinor: 1250, currency: "USD", productId: null },
      ],
    };
    expect(catalogCartLines(content)).toEqual([
      { label: "2 × MATCHA · ¥3,200", matched: true },
      { label: "1 × ODD · $12.50", matched: false },
    ]);
  });

  it("shows nothing extra for other content or a malformed row", () => {
    expect(catalogCartLines({ kind: "text", text: "hi" })).toEqual([]);
    expect(catalogCartLines({ kind: "order", items: "nope" })).toEqual([]);
  });
});

describe("author labels", () => {
  const context = { customerName: "Aiko", currentUserId: "u1" };
  it("a WhatsApp notice is from WhatsApp; the owner's phone messages from the Business app", () => {
    expect(
      authorLabel({ author: "system", agentUserId: null, direction: "inbound" }, context),
    ).toBe("WhatsApp");
    expect(
      authorLabel({ author: "business_app", agentUserId: null, direction: "outbound" }, context),
    ).toBe("WhatsApp Business app");
  });
});

describe("the thread shows what happened to a message", () => {
  const base: ThreadMessage = {
    id: "m1",
    direction: "inbound",
    author: "customer",
    type: "text",
    body: "2 bowls",
    status: "received",
    errorCode: null,
    errorReason: null,
    agentUserId: null,
    agentName: null,
    createdAt: new Date(),
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    originalBody: null,
    editedAt: null,
    deletedAt: null,
    reaction: null,
    content: { kind: "text", text: "2 bowls" },
  };
  const html = (message: ThreadMessage) =>
    renderToStaticMarkup(
      createElement(Fragment, null, [
        createElement(MessageBody, { message, key: "body" }),
        createElement(MessageNotes, { message, key: "notes" }),
      ]),
    );

  it("an edit shows the new text and the original", () => {
    const out = html({ ...base, originalBody: "3 bowls", editedAt: new Date() });
    expect(out).toContain("2 bowls");
    expect(out).toContain("Edited (was: 3 bowls)");
  });

  it("a deletion says so instead of the text", () => {
    const out = html({ ...base, deletedAt: new Date() });
    expect(out).toContain("Deleted by the customer");
    expect(out).not.toContain("2 bowls");
  });

  it("a reaction is shown under the message", () => {
    expect(html({ ...base, reaction: "🙏" })).toContain('aria-label="Reaction 🙏"');
  });

  it("a catalog cart is listed item by item", () => {
    const content = {
      kind: "order",
      items: [
        { retailerId: "ODD", quantity: 1, unitPriceMinor: 500, currency: "JPY", productId: null },
      ],
    };
    const out = html({ ...base, type: "order", body: "[cart] 1 item", content });
    expect(out).toContain("1 × ODD · ¥500");
    expect(out).toContain("not in your products");
  });
});
