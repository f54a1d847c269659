import { describe, expect, it } from "vitest";
import type { InboundContent } from "@/lib/whatsapp/content";
import {
  buildErrorWebhook,
  buildInboundMessageWebhook,
  buildStatusWebhook,
  DEFAULT_WABA_ID,
  type InboundMessageSpec,
  type WhatsAppWebhookPayload,
} from "@/lib/whatsapp/webhook-builders";
import {
  parseWebhookPayload,
  type DeliveryStatus,
  type WebhookItem,
} from "@/lib/whatsapp/webhook-payload";

const business = { phoneNumberId: "106540352242922", displayPhoneNumber: "15550783881" };
const timestamp = new Date("2026-03-14T09:26:53.000Z");
const shopper = { waId: "819012345678", profileName: "山田 花子" };

function roundTrip(payload: WhatsAppWebhookPayload): WebhookItem[] {
  const result = parseWebhookPayload(JSON.stringify(payload));
  if (!result.ok) throw new Error(result.error);
  return result.items;
}

function inbound(message: InboundMessageSpec, extra: { contextWamid?: string } = {}) {
  return buildInboundMessageWebhook({
    ...business,
    ...shopper,
    wamid: "wamid.HBgMODE5MDEyMzQ1Njc4FQIAEhgg",
    timestamp,
    message,
    ...extra,
  });
}

describe("inbound message round trip (builder → JSON → parser)", () => {
  const cases: [string, InboundMessageSpec, InboundContent, string][] = [
    [
      "text",
      { type: "text", text: "在庫ありますか？🙂" },
      { kind: "text", text: "在庫ありますか？🙂" },
      "text",
    ],
    [
      "button_reply",
      { type: "button_reply", id: "cart:confirm", title: "Confirm" },
      { kind: "reply", replyId: "cart:confirm", title: "Confirm" },
      "interactive",
    ],
    [
      "list_reply",
      { type: "list_reply", id: "product:42", title: "抹茶ラテ", description: "¥650" },
      { kind: "reply", replyId: "product:42", title: "抹茶ラテ" },
      "interactive",
    ],
    [
      "template quick reply",
      { type: "button", payload: "reorder:7", text: "Order again" },
      { kind: "reply", replyId: "reorder:7", title: "Order again" },
      "button",
    ],
    [
      "image with caption",
      { type: "image", caption: "これの青はありますか" },
      { kind: "media", mediaType: "image", caption: "これの青はありますか" },
      "image",
    ],
    ["image without caption", { type: "image" }, { kind: "media", mediaType: "image" }, "image"],
    [
      "document",
      { type: "document", filename: "invoice.pdf", caption: "Invoice" },
      { kind: "media", mediaType: "document", caption: "Invoice" },
      "document",
    ],
    ["audio", { type: "audio" }, { kind: "media", mediaType: "audio" }, "audio"],
    [
      "video",
      { type: "video", caption: "unboxing" },
      { kind: "media", mediaType: "video", caption: "unboxing" },
      "video",
    ],
    ["sticker", { type: "sticker" }, { kind: "media", mediaType: "sticker" }, "sticker"],
    [
      "location",
      {
        type: "location",
        latitude: 35.6586,
        longitude: 139.7454,
        name: "東京タワー",
        address: "芝公園4-2-8",
      },
      {
        kind: "location",
        latitude: 35.6586,
        longitude: 139.7454,
        name: "東京タワー",
        address: "芝公園4-2-8",
      },
      "location",
    ],
    [
      "reaction",
      { type: "reaction", emoji: "👍", messageId: "wamid.OUTBOUND1" },
      { kind: "reaction", targetWamid: "wamid.OUTBOUND1", emoji: "👍" },
      "reaction",
    ],
    [
      "unsupported",
      { type: "unsupported" },
      {
        kind: "unsupported",
        type: "unsupported",
        errors: [{ code: 131051, title: "Message type unknown" }],
      },
      "unsupported",
    ],
  ];

  it.each(cases)("%s", (_name, spec, content, wireType) => {
    const items = roundTrip(inbound(spec));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "message",
      phoneNumberId: business.phoneNumberId,
      waId: shopper.waId,
      profileName: shopper.profileName,
      wamid: "wamid.HBgMODE5MDEyMzQ1Njc4FQIAEhgg",
      type: wireType,
      referral: null,
    });
    const [item] = items;
    if (item?.kind !== "message") throw new Error("expected a message");
    // Media also carries its id, MIME type and hash (tested on their own below).
    if (item.content.kind === "media") expect(item.content).toMatchObject(content);
    else expect(item.content).toEqual(content);
    expect(item.timestamp.toISOString()).toBe(timestamp.toISOString());
  });

  it("adds a context to interactive replies, and keeps an explicit one", () => {
    const derived = inbound({ type: "button_reply", id: "a", title: "A" });
    const context = derived.entry[0]?.changes[0]?.value.messages?.[0]?.context;
    expect(context?.from).toBe(business.displayPhoneNumber);
    expect(context?.id).toMatch(/^wamid\./);
    expect(roundTrip(derived)[0]).toMatchObject({ contextWamid: context?.id });

    const explicit = inbound(
      { type: "list_reply", id: "b", title: "B" },
      { contextWamid: "wamid.OURS" },
    );
    expect(roundTrip(explicit)[0]).toMatchObject({ contextWamid: "wamid.OURS" });
    expect(roundTrip(inbound({ type: "text", text: "hi" }))[0]).toMatchObject({
      contextWamid: null,
    });
  });

  it("carries a click-to-WhatsApp referral", () => {
    const payload = buildInboundMessageWebhook({
      ...business,
      ...shopper,
      wamid: "wamid.AD1",
      timestamp,
      message: { type: "text", text: "Hi! I saw your ad" },
      referral: {
        sourceUrl: "https://fb.me/3cr4Wqqkv",
        sourceId: "120212345678901234",
        sourceType: "ad",
        headline: "Spring sale",
        body: "20% off matcha",
        ctwaClid:
          "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a",
      },
    });
    expect(roundTrip(payload)[0]).toMatchObject({
      referral: {
        sourceUrl: "https://fb.me/3cr4Wqqkv",
        sourceId: "120212345678901234",
        sourceType: "ad",
        headline: "Spring sale",
        body: "20% off matcha",
        ctwaClid: expect.stringMatching(/^ARAk/),
      },
    });
  });

  it("uses the WABA id argument, with a default", () => {
    expect(inbound({ type: "text", text: "x" }).entry[0]?.id).toBe(DEFAULT_WABA_ID);
    const custom = buildStatusWebhook({
      ...business,
      wabaId: "987654321",
      wamid: "wamid.X",
      recipientId: shopper.waId,
      status: "read",
      timestamp,
    });
    expect(custom.entry[0]?.id).toBe("987654321");
  });
});

describe("status round trip", () => {
  const statuses: DeliveryStatus[] = ["sent", "delivered", "read", "failed"];

  it.each(statuses)("%s", (status) => {
    const payload = buildStatusWebhook({
      ...business,
      wamid: "wamid.OUTBOUND1",
      recipientId: shopper.waId,
      status,
      timestamp,
    });
    const items = roundTrip(payload);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "status",
      phoneNumberId: business.phoneNumberId,
      wamid: "wamid.OUTBOUND1",
      status,
      recipientId: shopper.waId,
      timestamp,
    });
    const [item] = items;
    if (item?.kind !== "status") throw new Error("expected a status");
    if (status === "failed") {
      expect(item.errors).toEqual([
        expect.objectContaining({ code: 131047, title: "Re-engagement message" }),
      ]);
    } else {
      expect(item.errors).toEqual([]);
    }
  });

  it("sends conversation and pricing like Meta does on sent", () => {
    const payload = buildStatusWebhook({
      ...business,
      wamid: "wamid.OUTBOUND2",
      recipientId: shopper.waId,
      status: "sent",
      timestamp,
      category: "marketing",
    });
    const status = payload.entry[0]?.changes[0]?.value.statuses?.[0];
    expect(status?.pricing).toEqual({
      billable: true,
      pricing_model: "PMP",
      category: "marketing",
      type: "regular",
    });
    expect(status?.conversation?.origin.type).toBe("marketing");
  });

  it("passes explicit errors through", () => {
    const payload = buildStatusWebhook({
      ...business,
      wamid: "wamid.OUTBOUND3",
      recipientId: shopper.waId,
      status: "failed",
      timestamp,
      errors: [{ code: 131026, title: "Message undeliverable", details: "Receiver is incapable" }],
    });
    expect(roundTrip(payload)[0]).toMatchObject({
      errors: [
        {
          code: 131026,
          title: "Message undeliverable",
          message: "Message undeliverable",
          details: "Receiver is incapable",
        },
      ],
    });
  });
});

describe("value-level errors round trip", () => {
  it("parses into one error item", () => {
    const errors = [
      {
        code: 130429,
        title: "Rate limit hit",
        message: "Rate limit hit",
        details: "Too many messages",
      },
    ];
    expect(roundTrip(buildErrorWebhook({ ...business, errors }))).toEqual([
      { kind: "error", phoneNumberId: business.phoneNumberId, errors },
    ]);
  });
});
