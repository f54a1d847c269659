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

export type InboundMediaType = "image" | "document" | "audio" | "video" | "sticker";

/** A product line of a native catalog order, as WhatsApp sent it; `productId` once matched by SKU. */
export type CatalogOrderItem = {
  retailerId: string;
  quantity: number;
  /** The price shown in WhatsApp's catalog, in minor units of `currency`. */
  unitPriceMinor: number;
  currency: string;
  productId?: string | null;
};

export type SharedContact = {
  name: string;
  phones: { phone?: string; waId?: string; type?: string }[];
  emails: string[];
};

export type InboundContent =
  | { kind: "text"; text: string }
  /** A tap on an interactive button or list row, or on a template's quick-reply button. */
  | { kind: "reply"; replyId: string; title: string }
  | {
      kind: "media";
      mediaType: InboundMediaType;
      caption?: string;
      /** WhatsApp's media id (download through the Graph API while it lasts) and its details. */
      mediaId?: string;
      mimeType?: string;
      sha256?: string;
      filename?: string;
      /** audio: recorded as a voice note. */
      voice?: boolean;
      /** sticker: animated. */
      animated?: boolean;
    }
  | { kind: "location"; latitude: number; longitude: number; name?: string; address?: string }
  | { kind: "contacts"; contacts: SharedContact[] }
  /** A cart sent from the store's WhatsApp catalog. */
  | { kind: "order"; catalogId: string; text?: string; items: CatalogOrderItem[] }
  /** The customer opened the chat for the first time (request_welcome). */
  | { kind: "welcome" }
  /** A reaction to `targetWamid`; a null emoji removes it. */
  | { kind: "reaction"; targetWamid: string; emoji: string | null }
  | { kind: "edit"; targetWamid: string; text: string }
  | { kind: "revoke"; targetWamid: string }
  /** A notice from WhatsApp itself (the customer changed number, or their identity changed). */
  | { kind: "system"; systemType: string; body: string; newWaId?: string; newUserId?: string }
  | { kind: "unsupported"; type: string; errors?: { code: number; title: string }[] };

/** Content that records something about the thread and never gets a bot reply. */
export type ThreadEventContent = Extract<
  InboundContent,
  { kind: "reaction" | "edit" | "revoke" | "system" }
>;

export function isThreadEvent(content: InboundContent): content is ThreadEventContent {
  return (
    content.kind === "reaction" ||
    content.kind === "edit" ||
    content.kind === "revoke" ||
    content.kind === "system"
  );
}

function mediaLabel(content: Extract<InboundContent, { kind: "media" }>): string {
  if (content.mediaType === "audio" && content.voice) return "[voice message]";
  if (content.mediaType === "document" && content.filename) return `[document ${content.filename}]`;
  return `[${content.mediaType}]`;
}

/** A one-line summary of inbound content: what the inbox shows as the message's body. */
export function summarizeInbound(content: InboundContent): string {
  switch (content.kind) {
    case "text":
      return content.text;
    case "reply":
      return content.title;
    case "media":
      return content.caption ?? mediaLabel(content);
    case "location":
      return [content.name, content.address].filter(Boolean).join(", ") || "[location]";
    case "contacts": {
      const names = content.contacts.map((card) => card.name).filter(Boolean);
      return `[contact${content.contacts.length > 1 ? "s" : ""}] ${names.join(", ")}`.trim();
    }
    case "order": {
      const units = content.items.reduce((sum, item) => sum + item.quantity, 0);
      return `[cart] ${units} item${units === 1 ? "" : "s"}${content.text ? ` · ${content.text}` : ""}`;
    }
    case "welcome":
      return "[opened the chat]";
    case "reaction":
      return content.emoji ? `[reaction ${content.emoji}]` : "[reaction removed]";
    case "edit":
      return content.text;
    case "revoke":
      return "[deleted]";
    case "system":
      return content.body;
    case "unsupported":
      return `[${content.type}]`;
  }
}

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
