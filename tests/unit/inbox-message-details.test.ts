import { describe, expect, it } from "vitest";
import { authorLabel } from "@/lib/inbox/display";
import { catalogCartLines } from "@/lib/inbox/message-details";

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
