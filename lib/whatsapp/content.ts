/**
 * What a WhatsApp message says, independent of how it travels. Outgoing content maps 1:1
 * to a Cloud API `/messages` body (lib/whatsapp/graph-request.ts); inbound content is what
 * lib/whatsapp/webhook-payload.ts reads out of a webhook message.
 */

export type ReplyButton = { id: string; title: string };
export type ListRow = { id: string; title: string; description?: string };
export type ListSection = { title: string; rows: ListRow[] };

export type OutgoingContent =
  | { type: "text"; text: string; previewUrl?: boolean }
  /** Up to 3 reply buttons; titles ≤ 20 characters, ids ≤ 256. */
  | { type: "buttons"; body: string; header?: string; footer?: string; buttons: ReplyButton[] }
  /** Up to 10 rows in all sections; row titles ≤ 24, descriptions ≤ 72, button label ≤ 20. */
  | {
      type: "list";
      body: string;
      header?: string;
      footer?: string;
      button: string;
      sections: ListSection[];
    }
  /** A call-to-action button that opens a URL; display text ≤ 20. */
  | {
      type: "cta_url";
      body: string;
      displayText: string;
      url: string;
      header?: string;
      footer?: string;
    }
  /**
   * An approved template; the only content allowed outside the 24-hour window. `category`
   * is the store's template category when it was queued (never sent to the Graph API).
   */
  | {
      type: "template";
      name: string;
      language: string;
      bodyParameters: string[];
      category?: TemplateCategory;
    };

/** Marketing templates are business-initiated wherever they are sent (lib/whatsapp/send-policy.ts). */
export type TemplateCategory = "utility" | "marketing";

export type OutgoingType = OutgoingContent["type"];

export type InboundContent =
  | { kind: "text"; text: string }
  /** A tap on an interactive button or list row, or on a template's quick-reply button. */
  | { kind: "reply"; replyId: string; title: string }
  | {
      kind: "media";
      mediaType: "image" | "document" | "audio" | "video" | "sticker";
      caption?: string;
    }
  | { kind: "location"; latitude: number; longitude: number; name?: string; address?: string }
  | { kind: "unsupported"; type: string };

/** A one-line, human-readable summary of outgoing content (inbox previews, message bodies). */
export function summarizeOutgoing(content: OutgoingContent): string {
  switch (content.type) {
    case "text":
      return content.text;
    case "buttons":
    case "list":
    case "cta_url":
      return content.body;
    case "template":
      return `[template ${content.name}/${content.language}] ${content.bodyParameters.join(" · ")}`.trim();
  }
}
