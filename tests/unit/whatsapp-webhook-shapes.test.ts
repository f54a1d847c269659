import { describe, expect, it } from "vitest";
import { parseWebhookObject, type WebhookItem } from "@/lib/whatsapp/webhook-payload";

/** Payloads shaped after Meta's webhook reference, one per shape (values are made up). */
const WABA = "102290129340398";
const metadata = { display_phone_number: "15550001234", phone_number_id: "106540352242922" };
const contact = { profile: { name: "Aiko" }, wa_id: "819012345678" };

function body(field: string, value: Record<string, unknown>) {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: WABA, changes: [{ field, value: { messaging_product: "whatsapp", ...value } }] }],
  };
}

function message(type: string, fields: Record<string, unknown>) {
  return body("messages", {
    metadata,
    contacts: [contact],
    messages: [
      { from: "819012345678", id: "wamid.SHAPE1", timestamp: "1764990000", type, ...fields },
    ],
  });
}

function onlyItem(payload: unknown): WebhookItem {
  const result = parseWebhookObject(payload);
  if (!result.ok) throw new Error(result.error);
  expect(result.items).toHaveLength(1);
  return result.items[0]!;
}

function contentOf(payload: unknown) {
  const item = onlyItem(payload);
  if (item.kind !== "message") throw new Error(`expected a message, got ${item.kind}`);
  return item.content;
}

function failure(payload: unknown): string {
  const result = parseWebhookObject(payload);
  if (result.ok) throw new Error("expected the item to be refused");
  return result.error;
}

describe("message shapes Meta sends", () => {
  it("reaction, and its removal (an empty emoji)", () => {
    expect(
      contentOf(message("reaction", { reaction: { message_id: "wamid.OURS", emoji: "❤️" } })),
    ).toEqual({ kind: "reaction", targetWamid: "wamid.OURS", emoji: "❤️" });
    expect(
      contentOf(message("reaction", { reaction: { message_id: "wamid.OURS", emoji: "" } })),
    ).toEqual({ kind: "reaction", targetWamid: "wamid.OURS", emoji: null });
    expect(contentOf(message("reaction", { reaction: { message_id: "wamid.OURS" } }))).toEqual({
      kind: "reaction",
      targetWamid: "wamid.OURS",
      emoji: null,
    });
  });

  it("edit keeps the new text and the message it replaces", () => {
    const edit = {
      original_message_id: "wamid.FIRST",
      message: { type: "text", text: { body: "2 whisks, not 3" } },
    };
    expect(contentOf(message("edit", { edit }))).toEqual({
      kind: "edit",
      targetWamid: "wamid.FIRST",
      text: "2 whisks, not 3",
    });
    expect(failure(message("edit", { edit: { original_message_id: "wamid.FIRST" } }))).toContain(
      "the edited text is missing",
    );
  });

  it("revoke names the deleted message", () => {
    expect(contentOf(message("revoke", { revoke: { original_message_id: "wamid.GONE" } }))).toEqual(
      { kind: "revoke", targetWamid: "wamid.GONE" },
    );
  });

  it("system: user_changed_number with the new number, customer_identity_changed", () => {
    const changed = message("system", {
      system: {
        body: "User Aiko changed from 819012345678 to 819087654321",
        new_wa_id: "819087654321",
        type: "user_changed_number",
      },
    });
    expect(contentOf(changed)).toEqual({
      kind: "system",
      systemType: "user_changed_number",
      body: "User Aiko changed from 819012345678 to 819087654321",
      newWaId: "819087654321",
    });
    const identity = message("system", {
      system: { body: "Aiko's security code changed", type: "customer_identity_changed" },
    });
    expect(contentOf(identity)).toMatchObject({
      kind: "system",
      systemType: "customer_identity_changed",
    });
  });

  it("request_welcome is the customer opening the chat", () => {
    expect(contentOf(message("request_welcome", {}))).toEqual({ kind: "welcome" });
  });

  it("order: a native catalog cart, whole, with exact minor units per currency", () => {
    const order = {
      catalog_id: "1209384756",
      text: "for my sister",
      product_items: [
        { product_retailer_id: "MATCHA-SET", quantity: 2, item_price: 4800, currency: "JPY" },
        { product_retailer_id: "WHISK", quantity: "1", item_price: "12.50", currency: "usd" },
      ],
    };
    expect(contentOf(message("order", { order }))).toEqual({
      kind: "order",
      catalogId: "1209384756",
      text: "for my sister",
      items: [
        { retailerId: "MATCHA-SET", quantity: 2, unitPriceMinor: 4800, currency: "JPY" },
        { retailerId: "WHISK", quantity: 1, unitPriceMinor: 1250, currency: "USD" },
      ],
    });
  });

  it("order: a zero quantity or a price finer than the currency is refused with its path", () => {
    const zero = {
      catalog_id: "1",
      product_items: [{ product_retailer_id: "A", quantity: 0, item_price: 100, currency: "JPY" }],
    };
    expect(failure(message("order", { order: zero }))).toContain("order.product_items.0.quantity");
    const finer = {
      catalog_id: "1",
      product_items: [
        { product_retailer_id: "A", quantity: 1, item_price: "100.5", currency: "JPY" },
      ],
    };
    expect(failure(message("order", { order: finer }))).toContain(
      "order.product_items.0.item_price",
    );
  });

  it("contacts: names, numbers and emails are kept", () => {
    const contacts = [
      {
        name: { formatted_name: "Kenji Sato", first_name: "Kenji" },
        phones: [{ phone: "+81 90-1111-2222", wa_id: "819011112222", type: "CELL" }],
        emails: [{ email: "kenji@example.com", type: "WORK" }],
      },
    ];
    expect(contentOf(message("contacts", { contacts }))).toEqual({
      kind: "contacts",
      contacts: [
        {
          name: "Kenji Sato",
          phones: [{ phone: "+81 90-1111-2222", waId: "819011112222", type: "CELL" }],
          emails: ["kenji@example.com"],
        },
      ],
    });
  });

  it("media keeps the id, type, hash, file name, voice and animated flags", () => {
    const voice = { id: "1518", mime_type: "audio/ogg; codecs=opus", sha256: "abc=", voice: true };
    expect(contentOf(message("audio", { audio: voice }))).toEqual({
      kind: "media",
      mediaType: "audio",
      mediaId: "1518",
      mimeType: "audio/ogg; codecs=opus",
      sha256: "abc=",
      voice: true,
    });
    const sticker = { id: "99", mime_type: "image/webp", sha256: "s=", animated: true };
    expect(contentOf(message("sticker", { sticker }))).toMatchObject({ animated: true });
    const document = { id: "7", mime_type: "application/pdf", sha256: "d=", filename: "menu.pdf" };
    expect(contentOf(message("document", { document }))).toMatchObject({ filename: "menu.pdf" });
  });

  it("Meta's unsupported message keeps its errors", () => {
    const unsupported = message("unsupported", {
      errors: [
        {
          code: 131051,
          title: "Message type unknown",
          message: "Message type unknown",
          error_data: { details: "Message type is currently not supported." },
        },
      ],
    });
    expect(contentOf(unsupported)).toEqual({
      kind: "unsupported",
      type: "unsupported",
      errors: [{ code: 131051, title: "Message type unknown" }],
    });
  });
});

describe("other fields", () => {
  it("smb_message_echoes: the owner's message from the Business app, to a number or a BSUID", () => {
    const payload = body("smb_message_echoes", {
      metadata,
      message_echoes: [
        {
          from: "15550001234",
          to: "819012345678",
          id: "wamid.ECHO1",
          timestamp: "1764990100",
          type: "text",
          text: { body: "We'll ship it tomorrow" },
        },
      ],
    });
    expect(onlyItem(payload)).toEqual({
      kind: "echo",
      phoneNumberId: metadata.phone_number_id,
      toWaId: "819012345678",
      toUserId: null,
      wamid: "wamid.ECHO1",
      timestamp: new Date(1764990100 * 1000),
      type: "text",
      content: { kind: "text", text: "We'll ship it tomorrow" },
    });
    const missingRecipient = body("smb_message_echoes", {
      metadata,
      message_echoes: [{ id: "wamid.E2", timestamp: "1", type: "text", text: { body: "x" } }],
    });
    expect(failure(missingRecipient)).toContain("to or to_user_id is required");
  });

  it("user_preferences: stop and resume of marketing messages", () => {
    const payload = body("user_preferences", {
      metadata,
      contacts: [contact],
      user_preferences: [
        {
          wa_id: "819012345678",
          detail: "User requested to stop marketing messages",
          category: "marketing_messages",
          value: "stop",
          timestamp: 1764990200,
        },
      ],
    });
    expect(onlyItem(payload)).toEqual({
      kind: "preference",
      phoneNumberId: metadata.phone_number_id,
      waId: "819012345678",
      userId: null,
      category: "marketing_messages",
      value: "stop",
      timestamp: new Date(1764990200 * 1000),
    });
  });

  it("message_template_status_update: the account, template and event", () => {
    const payload = {
      object: "whatsapp_business_account",
      entry: [
        {
          id: WABA,
          time: 1764990300,
          changes: [
            {
              field: "message_template_status_update",
              value: {
                event: "REJECTED",
                message_template_id: 1689556908129832,
                message_template_name: "order_confirmation",
                message_template_language: "en_US",
                reason: "INCORRECT_CATEGORY",
              },
            },
          ],
        },
      ],
    };
    expect(onlyItem(payload)).toEqual({
      kind: "template_status",
      accountId: WABA,
      templateId: "1689556908129832",
      name: "order_confirmation",
      language: "en_US",
      event: "REJECTED",
      reason: "INCORRECT_CATEGORY",
    });
  });
});
