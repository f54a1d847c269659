import { describe, expect, it } from "vitest";
import { splitWhatsAppWebhook } from "@/lib/whatsapp/split-webhook";
import { parseWebhookObject } from "@/lib/whatsapp/webhook-payload";

const metadata = { display_phone_number: "15550001234", phone_number_id: "106540352242922" };

function delivery(value: Record<string, unknown>, field = "messages") {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [{ field, value: { messaging_product: "whatsapp", metadata, ...value } }],
      },
    ],
  };
}

function split(body: unknown) {
  const result = splitWhatsAppWebhook(JSON.stringify(body));
  if (!result.ok) throw new Error(result.error);
  return result.items;
}

const text = (from: string, id: string, timestamp = "1733400000") => ({
  from,
  id,
  timestamp,
  type: "text",
  text: { body: `from ${from}` },
});

describe("splitWhatsAppWebhook", () => {
  it("makes one item per message, each with only its own contact, keyed by wamid", () => {
    const items = split(
      delivery({
        contacts: [
          { profile: { name: "Aiko" }, wa_id: "819011112222" },
          { profile: { name: "Ben" }, wa_id: "447700900123" },
        ],
        messages: [text("819011112222", "wamid.A"), text("447700900123", "wamid.B")],
      }),
    );
    expect(items.map((item) => [item.externalId, item.kind, item.lane])).toEqual([
      ["message:wamid.A", "message", "whatsapp:106540352242922:819011112222"],
      ["message:wamid.B", "message", "whatsapp:106540352242922:447700900123"],
    ]);
    const value = items[1]!.payload.entry[0].changes[0].value as Record<string, unknown>;
    expect(value.contacts).toEqual([{ profile: { name: "Ben" }, wa_id: "447700900123" }]);
    expect(value.messages).toEqual([text("447700900123", "wamid.B")]);
    expect(value.metadata).toEqual(metadata);
    expect(items[0]!.occurredAt).toEqual(new Date(1_733_400_000_000));
  });

  it("gives each status transition its own key, and a redelivery the same keys", () => {
    const status = (state: string) => ({
      id: "wamid.OUT",
      status: state,
      timestamp: "1733400001",
      recipient_id: "819011112222",
    });
    const body = delivery({ statuses: [status("sent"), status("delivered"), status("read")] });
    const keys = split(body).map((item) => item.externalId);
    expect(keys).toEqual([
      "status:wamid.OUT:sent",
      "status:wamid.OUT:delivered",
      "status:wamid.OUT:read",
    ]);
    expect(split(structuredClone(body)).map((item) => item.externalId)).toEqual(keys);
  });

  it("uses the business-scoped user id for the lane when Meta sends one, with or without a number", () => {
    const items = split(
      delivery({
        contacts: [
          { profile: { name: "Chen", username: "chen.tea" }, user_id: "US.13491208655302741918" },
        ],
        messages: [
          {
            from_user_id: "US.13491208655302741918",
            id: "wamid.U",
            timestamp: "1733400002",
            type: "text",
            text: { body: "hi" },
          },
        ],
        statuses: [
          {
            id: "wamid.OUT2",
            status: "read",
            timestamp: "1733400003",
            recipient_user_id: "US.13491208655302741918",
          },
        ],
      }),
    );
    expect(items.map((item) => item.lane)).toEqual([
      "whatsapp:106540352242922:US.13491208655302741918",
      "whatsapp:106540352242922:US.13491208655302741918",
    ]);
    const value = items[0]!.payload.entry[0].changes[0].value as Record<string, unknown>;
    expect(value.contacts).toEqual([
      { profile: { name: "Chen", username: "chen.tea" }, user_id: "US.13491208655302741918" },
    ]);
    expect(value.statuses).toBeUndefined();
  });

  it("keeps a broken message as an item of its own, so its neighbours are untouched", () => {
    const items = split(
      delivery({
        messages: [
          text("819011112222", "wamid.A"),
          "not a message",
          { id: 7 },
          text("819011113333", "wamid.C"),
        ],
      }),
    );
    expect(items).toHaveLength(4);
    expect(items[0]!.externalId).toBe("message:wamid.A");
    expect(items[3]!.externalId).toBe("message:wamid.C");
    // Keyed by content: the same broken item delivered again is the same item.
    expect(items[1]!.externalId).toMatch(/^messages:[0-9a-f]{32}$/);
    expect(items[1]!.externalId).not.toBe(items[2]!.externalId);
    // Each good item parses on its own; the broken ones fail with their reason when applied.
    expect(parseWebhookObject(items[0]!.payload)).toMatchObject({
      ok: true,
      items: [{ kind: "message", wamid: "wamid.A" }],
    });
    expect(parseWebhookObject(items[1]!.payload).ok).toBe(false);
  });

  it("makes a change without per-item arrays one item, with its field as kind", () => {
    const items = split({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "102290129340398",
          changes: [
            {
              field: "message_template_status_update",
              value: {
                event: "APPROVED",
                message_template_id: 1,
                message_template_name: "order_ready",
                message_template_language: "en_US",
                reason: "NONE",
              },
            },
          ],
        },
      ],
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "message_template_status_update",
      lane: "whatsapp:102290129340398:message_template_status_update",
    });
    expect(items[0]!.externalId).toMatch(/^message_template_status_update:[0-9a-f]{32}$/);
  });

  it("acknowledges another object without items, and refuses a body it cannot split", () => {
    expect(splitWhatsAppWebhook(JSON.stringify({ object: "page", entry: [] }))).toEqual({
      ok: true,
      items: [],
      ignored: ['object "page"'],
    });
    expect(splitWhatsAppWebhook("{not json")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not JSON/),
    });
    expect(
      splitWhatsAppWebhook(JSON.stringify({ object: "whatsapp_business_account" })),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/entry/),
    });
  });
});
