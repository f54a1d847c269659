import { describe, expect, it } from "vitest";
import { parseWebhookObject, parseWebhookPayload } from "@/lib/whatsapp/webhook-payload";

function parseError(body: unknown): string {
  const result = typeof body === "string" ? parseWebhookPayload(body) : parseWebhookObject(body);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.items)}`);
  return result.error;
}

describe("other webhook fields and value-level errors", () => {
  it("ignores changes whose field Chatcart does not read", () => {
    const body = {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "102290129340398",
          changes: [
            { field: "account_update", value: { event: "VERIFIED_ACCOUNT" } },
            {
              field: "business_capability_update",
              value: { max_daily_conversation_per_phone: 1000 },
            },
          ],
        },
      ],
    };
    const result = parseWebhookObject(body);
    expect(result).toEqual({
      ok: true,
      items: [
        { kind: "ignored", reason: 'field "account_update" (entry 102290129340398)' },
        {
          kind: "ignored",
          reason: 'field "business_capability_update" (entry 102290129340398)',
        },
      ],
    });
  });

  it("parses value-level errors, even without metadata", () => {
    const body = {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "1",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                errors: [
                  {
                    code: 131056,
                    title: "(Business Account, Consumer Account) pair rate limit hit",
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    expect(parseWebhookObject(body)).toEqual({
      ok: true,
      items: [
        {
          kind: "error",
          phoneNumberId: null,
          errors: [
            { code: 131056, title: "(Business Account, Consumer Account) pair rate limit hit" },
          ],
        },
      ],
    });
  });

  it("reads unknown interactive replies (Flows) as unsupported", () => {
    const flowReply = {
      from: "2",
      id: "wamid.F",
      timestamp: "1773480413",
      type: "interactive",
      interactive: { type: "nfm_reply", nfm_reply: { name: "flow", response_json: "{}" } },
    };
    const body = {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "1",
          changes: [
            {
              field: "messages",
              value: { metadata: { phone_number_id: "1" }, messages: [flowReply] },
            },
          ],
        },
      ],
    };
    expect(parseWebhookObject(body)).toMatchObject({
      ok: true,
      items: [{ content: { kind: "unsupported", type: "interactive.nfm_reply" } }],
    });
  });
});

describe("malformed bodies", () => {
  const validMessage = {
    from: "2",
    id: "wamid.A",
    timestamp: "1773480413",
    type: "text",
    text: { body: "hi" },
  };
  const withValue = (value: Record<string, unknown>) => ({
    object: "whatsapp_business_account",
    entry: [{ id: "1", changes: [{ field: "messages", value }] }],
  });
  const withMessages = (messages: unknown[]) =>
    withValue({ metadata: { phone_number_id: "1" }, messages });

  it("rejects a body that is not JSON", () => {
    expect(parseError("{not json")).toMatch(/^Invalid WhatsApp webhook: body is not JSON/);
    expect(parseError("")).toMatch(/not JSON/);
  });

  it("rejects an empty object", () => {
    const error = parseError({});
    expect(error).toContain("object:");
    expect(error).toContain("entry:");
  });

  it("rejects another object type", () => {
    expect(parseError({ object: "page", entry: [] })).toMatch(
      /object: .*whatsapp_business_account/,
    );
  });

  it("rejects an entry that is not an array", () => {
    expect(parseError({ object: "whatsapp_business_account", entry: {} })).toMatch(
      /entry: .*array/,
    );
  });

  it("rejects a message without an id, naming its path", () => {
    const { id: _id, ...noId } = validMessage;
    expect(parseError(withMessages([validMessage, noId]))).toMatch(
      /entry\.0\.changes\.0\.value\.messages\.1\.id: /,
    );
  });

  it("rejects a known type without its body, and a bad timestamp", () => {
    const error = parseError(
      withMessages([
        { ...validMessage, text: undefined },
        { ...validMessage, id: "wamid.B", timestamp: "yesterday" },
        {
          ...validMessage,
          id: "wamid.C",
          type: "interactive",
          interactive: { type: "list_reply", list_reply: { title: "x" } },
        },
      ]),
    );
    expect(error).toContain("messages.0.text:");
    expect(error).toContain("messages.1.timestamp:");
    expect(error).toContain("messages.2.interactive.list_reply.id:");
  });

  it("rejects messages without a business phone number id", () => {
    expect(parseError(withValue({ messages: [validMessage] }))).toMatch(
      /value\.metadata: phone_number_id/,
    );
  });

  it("rejects a delivery status without a recipient", () => {
    const body = withValue({
      metadata: { phone_number_id: "1" },
      statuses: [{ id: "wamid.X", status: "sent", timestamp: "1" }, { status: "read" }],
    });
    const error = parseError(body);
    expect(error).toMatch(/statuses\.0\.recipient_id: /);
    expect(error).toMatch(/statuses\.1\.id: /);
  });
});
