import { describe, expect, it } from "vitest";
import { buildInboundMessageWebhook, buildStatusWebhook } from "@/lib/whatsapp/webhook-builders";
import { parseWebhookPayload, type WebhookItem } from "@/lib/whatsapp/webhook-payload";

/** Shaped like a real delivery, with fields Chatcart doesn't read (and Meta may add more). */
const REAL_DELIVERY = `{
  "object": "whatsapp_business_account",
  "entry": [
    {
      "id": "102290129340398",
      "changes": [
        {
          "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
            "contacts": [
              { "profile": { "name": "佐藤 健" }, "wa_id": "819011112222", "user_id": "JP.1234567890" },
              { "profile": { "name": "Maria" }, "wa_id": "34600111222" }
            ],
            "messages": [
              {
                "from": "819011112222",
                "id": "wamid.HBgMODE5MDExMTEyMjIyFQIAEhggQTFCMkMzRDRFNUY2",
                "timestamp": "1773480413",
                "type": "text",
                "text": { "body": "抹茶ラテを2つください 🍵 (ref K7Q2M)", "future_field": true },
                "referral": {
                  "source_url": "https://fb.me/3cr4Wqqkv",
                  "source_id": "120212345678901234",
                  "source_type": "ad",
                  "headline": "春のセール",
                  "body": "全品20%オフ",
                  "media_type": "image",
                  "image_url": "https://scontent.xx.fbcdn.net/v/t45.1600-4/abc.jpg",
                  "ctwa_clid": "ARAkLkA8rmlFeiCktEJQ",
                  "welcome_message": { "text": "Hi!" }
                }
              },
              {
                "context": { "from": "15550783881", "id": "wamid.OUR_BUTTONS_MESSAGE" },
                "from": "34600111222",
                "id": "wamid.HBgLMzQ2MDAxMTEyMjIVAgASGBQzRUIwQzk2",
                "timestamp": "1773480420",
                "type": "interactive",
                "interactive": {
                  "type": "button_reply",
                  "button_reply": { "id": "cart:confirm", "title": "✅ Confirm" }
                }
              },
              {
                "from": "34600111222",
                "id": "wamid.HBgLMzQ2MDAxMTEyMjIVAgASGBQ0RkVBOTk5",
                "timestamp": "1773480421",
                "type": "location_request",
                "location_request": {}
              }
            ],
            "statuses": [
              {
                "id": "wamid.OUTBOUND_A",
                "status": "delivered",
                "timestamp": "1773480400",
                "recipient_id": "819011112222",
                "recipient_type": "individual",
                "conversation": { "id": "b3f3a8e6f1c1d2e7", "origin": { "type": "service" } },
                "pricing": { "billable": false, "pricing_model": "PMP", "category": "service", "type": "free_customer_service" }
              },
              {
                "id": "wamid.OUTBOUND_B",
                "status": "failed",
                "timestamp": "1773480401",
                "recipient_id": "34600111222",
                "errors": [
                  {
                    "code": 131047,
                    "title": "Re-engagement message",
                    "message": "Re-engagement message",
                    "error_data": { "details": "More than 24 hours have passed." },
                    "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
                  }
                ]
              },
              { "id": "wamid.OUTBOUND_C", "status": "deleted", "timestamp": "1773480402" }
            ]
          },
          "field": "messages"
        }
      ]
    }
  ]
}`;

function parseOk(raw: string): WebhookItem[] {
  const result = parseWebhookPayload(raw);
  if (!result.ok) throw new Error(result.error);
  return result.items;
}

describe("a real-looking Meta delivery", () => {
  const items = parseOk(REAL_DELIVERY);

  it("flattens every message and status, in order", () => {
    expect(items.map((item) => item.kind)).toEqual([
      "message",
      "message",
      "message",
      "status",
      "status",
      "ignored",
    ]);
  });

  it("reads a Japanese text with emoji, its sender and the ad referral", () => {
    expect(items[0]).toEqual({
      kind: "message",
      phoneNumberId: "106540352242922",
      waId: "819011112222",
      // The contact's business-scoped user id, sent beside the number.
      userId: "JP.1234567890",
      username: null,
      profileName: "佐藤 健",
      wamid: "wamid.HBgMODE5MDExMTEyMjIyFQIAEhggQTFCMkMzRDRFNUY2",
      timestamp: new Date(1773480413 * 1000),
      type: "text",
      content: { kind: "text", text: "抹茶ラテを2つください 🍵 (ref K7Q2M)" },
      referral: {
        sourceUrl: "https://fb.me/3cr4Wqqkv",
        sourceId: "120212345678901234",
        sourceType: "ad",
        headline: "春のセール",
        body: "全品20%オフ",
        ctwaClid: "ARAkLkA8rmlFeiCktEJQ",
      },
      contextWamid: null,
    });
  });

  it("matches each message to its own contact and context", () => {
    expect(items[1]).toMatchObject({
      waId: "34600111222",
      userId: null,
      username: null,
      profileName: "Maria",
      content: { kind: "reply", replyId: "cart:confirm", title: "✅ Confirm" },
      contextWamid: "wamid.OUR_BUTTONS_MESSAGE",
    });
  });

  it("keeps an unknown message type as unsupported", () => {
    expect(items[2]).toMatchObject({
      type: "location_request",
      content: { kind: "unsupported", type: "location_request" },
    });
  });

  it("reads statuses with their errors, and ignores statuses it does not act on", () => {
    expect(items[3]).toEqual({
      kind: "status",
      phoneNumberId: "106540352242922",
      wamid: "wamid.OUTBOUND_A",
      status: "delivered",
      timestamp: new Date(1773480400 * 1000),
      recipientId: "819011112222",
      recipientUserId: null,
      errors: [],
    });
    expect(items[4]).toMatchObject({
      status: "failed",
      errors: [
        {
          code: 131047,
          title: "Re-engagement message",
          message: "Re-engagement message",
          details: "More than 24 hours have passed.",
        },
      ],
    });
    expect(items[5]).toEqual({ kind: "ignored", reason: 'status "deleted" for wamid.OUTBOUND_C' });
  });
});

describe("several deliveries batched in one body", () => {
  it("returns items from every entry and change", () => {
    const common = {
      phoneNumberId: "111",
      displayPhoneNumber: "15550001111",
      timestamp: new Date(),
    };
    const a = buildInboundMessageWebhook({
      ...common,
      waId: "4915112345678",
      profileName: "Jonas",
      wamid: "wamid.IN1",
      message: { type: "text", text: "Hallo" },
    });
    const b = buildStatusWebhook({
      ...common,
      wamid: "wamid.OUT1",
      recipientId: "4915112345678",
      status: "sent",
    });
    const c = buildStatusWebhook({
      ...common,
      wamid: "wamid.OUT1",
      recipientId: "4915112345678",
      status: "read",
    });
    const body = { object: a.object, entry: [...a.entry, ...b.entry, ...c.entry] };
    const items = parseOk(JSON.stringify(body));
    expect(items.map((item) => [item.kind, "wamid" in item ? item.wamid : null])).toEqual([
      ["message", "wamid.IN1"],
      ["status", "wamid.OUT1"],
      ["status", "wamid.OUT1"],
    ]);
  });
});
