import { describe, expect, it } from "vitest";
import { toGraphMessageBody } from "@/lib/whatsapp/graph-request";

const to = "+819012345678";
const envelope = { messaging_product: "whatsapp", recipient_type: "individual", to } as const;

describe("toGraphMessageBody", () => {
  it("builds a text message, preview off by default", () => {
    expect(toGraphMessageBody({ to }, { type: "text", text: "Hello!" })).toStrictEqual({
      ...envelope,
      type: "text",
      text: { body: "Hello!", preview_url: false },
    });
    expect(
      toGraphMessageBody({ to }, { type: "text", text: "See https://x.test", previewUrl: true }),
    ).toStrictEqual({
      ...envelope,
      type: "text",
      text: { body: "See https://x.test", preview_url: true },
    });
  });

  it("builds reply buttons with header and footer", () => {
    const body = toGraphMessageBody({ to }, {
      type: "buttons",
      header: "Your cart",
      body: "2 items, ¥3,200",
      footer: "Reply STOP to opt out",
      buttons: [
        { id: "checkout", title: "Checkout" },
        { id: "keep", title: "Keep shopping" },
      ],
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: "interactive",
      interactive: {
        type: "button",
        header: { type: "text", text: "Your cart" },
        body: { text: "2 items, ¥3,200" },
        footer: { text: "Reply STOP to opt out" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "checkout", title: "Checkout" } },
            { type: "reply", reply: { id: "keep", title: "Keep shopping" } },
          ],
        },
      },
    });
  });

  it("omits absent header and footer instead of sending null", () => {
    const body = toGraphMessageBody({ to }, {
      type: "buttons",
      body: "Add to cart?",
      buttons: [{ id: "yes", title: "Yes" }],
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Add to cart?" },
        action: { buttons: [{ type: "reply", reply: { id: "yes", title: "Yes" } }] },
      },
    });
    expect(JSON.stringify(body)).not.toContain("null");
    expect(JSON.stringify(body)).not.toContain("header");
  });

  it("builds a list, keeping descriptions only where given", () => {
    const body = toGraphMessageBody({ to }, {
      type: "list",
      header: "Menu",
      body: "Pick a product",
      button: "View products",
      sections: [
        {
          title: "Coffee",
          rows: [
            { id: "p_1", title: "Espresso beans", description: "250 g · ¥1,600" },
            { id: "p_2", title: "Drip bags" },
          ],
        },
        { title: "Tea", rows: [{ id: "p_3", title: "Sencha", description: "100 g" }] },
      ],
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: "interactive",
      interactive: {
        type: "list",
        header: { type: "text", text: "Menu" },
        body: { text: "Pick a product" },
        action: {
          button: "View products",
          sections: [
            {
              title: "Coffee",
              rows: [
                { id: "p_1", title: "Espresso beans", description: "250 g · ¥1,600" },
                { id: "p_2", title: "Drip bags" },
              ],
            },
            { title: "Tea", rows: [{ id: "p_3", title: "Sencha", description: "100 g" }] },
          ],
        },
      },
    });
  });

  it("builds a call-to-action URL button", () => {
    const body = toGraphMessageBody({ to }, {
      type: "cta_url",
      body: "Your order is ready to pay.",
      displayText: "Pay now",
      url: "https://pay.example.com/o/abc",
      footer: "Secure checkout",
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: "interactive",
      interactive: {
        type: "cta_url",
        body: { text: "Your order is ready to pay." },
        footer: { text: "Secure checkout" },
        action: {
          name: "cta_url",
          parameters: { display_text: "Pay now", url: "https://pay.example.com/o/abc" },
        },
      },
    });
  });

  it("builds a template with body parameters", () => {
    const body = toGraphMessageBody({ to }, {
      type: "template",
      name: "cart_reminder",
      language: "ja",
      bodyParameters: ["Aiko", "¥3,200"],
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: "template",
      template: {
        name: "cart_reminder",
        language: { code: "ja" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "Aiko" },
              { type: "text", text: "¥3,200" },
            ],
          },
        ],
      },
    });
  });

  it("omits components for a template without parameters", () => {
    const body = toGraphMessageBody({ to }, {
      type: "template",
      name: "hello_world",
      language: "en_US",
      bodyParameters: [],
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: "template",
      template: { name: "hello_world", language: { code: "en_US" } },
    });
  });
});
