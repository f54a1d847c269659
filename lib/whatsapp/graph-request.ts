import type { ListSection, OutgoingContent, ReplyButton } from "@/lib/whatsapp/content";

/**
 * The JSON body of `POST {graph}/{phone_number_id}/messages` (WhatsApp Cloud API).
 * Optional fields are left out rather than sent as null: the Graph API rejects nulls.
 */

type TextHeader = { type: "text"; text: string };
type TextPart = { text: string };

export type GraphInteractiveButton = {
  type: "button";
  header?: TextHeader;
  body: TextPart;
  footer?: TextPart;
  action: { buttons: { type: "reply"; reply: ReplyButton }[] };
};

export type GraphInteractiveList = {
  type: "list";
  header?: TextHeader;
  body: TextPart;
  footer?: TextPart;
  action: { button: string; sections: ListSection[] };
};

export type GraphInteractiveCtaUrl = {
  type: "cta_url";
  header?: TextHeader;
  body: TextPart;
  footer?: TextPart;
  action: { name: "cta_url"; parameters: { display_text: string; url: string } };
};

export type GraphInteractive =
  GraphInteractiveButton | GraphInteractiveList | GraphInteractiveCtaUrl;

export type GraphTemplate = {
  name: string;
  language: { code: string };
  components?: { type: "body"; parameters: { type: "text"; text: string }[] }[];
};

/**
 * Who a message goes to: the phone number (`to`) when WhatsApp shared it, otherwise the
 * business-scoped user id (`recipient`). Meta prefers the number when both are known.
 */
export type RecipientAddress = { to: string } | { recipient: string };

type Envelope = { messaging_product: "whatsapp"; recipient_type: "individual" } & RecipientAddress;

/** The address for a customer, or null when we know neither identity. */
export function recipientAddressOf(customer: {
  waId: string | null;
  userId: string | null;
}): RecipientAddress | null {
  if (customer.waId) return { to: customer.waId };
  if (customer.userId) return { recipient: customer.userId };
  return null;
}

/** The identity an address names, for logs and the simulator. */
export function addressIdentity(address: RecipientAddress): string {
  return "to" in address ? address.to : address.recipient;
}

export type GraphMessageBody = Envelope &
  (
    | { type: "text"; text: { body: string; preview_url: boolean } }
    | { type: "interactive"; interactive: GraphInteractive }
    | { type: "template"; template: GraphTemplate }
  );

export function toGraphMessageBody(
  address: RecipientAddress,
  content: OutgoingContent,
): GraphMessageBody {
  const envelope: Envelope = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    ...address,
  };
  switch (content.type) {
    case "text":
      return {
        ...envelope,
        type: "text",
        text: { body: content.text, preview_url: content.previewUrl ?? false },
      };
    case "buttons":
      return {
        ...envelope,
        type: "interactive",
        interactive: {
          type: "button",
          ...frame(content),
          action: {
            buttons: content.buttons.map(({ id, title }) => ({
              type: "reply",
              reply: { id, title },
            })),
          },
        },
      };
    case "list":
      return {
        ...envelope,
        type: "interactive",
        interactive: {
          type: "list",
          ...frame(content),
          action: { button: content.button, sections: content.sections.map(toSection) },
        },
      };
    case "cta_url":
      return {
        ...envelope,
        type: "interactive",
        interactive: {
          type: "cta_url",
          ...frame(content),
          action: {
            name: "cta_url",
            parameters: { display_text: content.displayText, url: content.url },
          },
        },
      };
    case "template":
      return { ...envelope, type: "template", template: toTemplate(content) };
  }
}

/** Header, body and footer, in the order Meta documents them, without absent parts. */
function frame(content: { body: string; header?: string; footer?: string }): {
  header?: TextHeader;
  body: TextPart;
  footer?: TextPart;
} {
  return {
    ...(content.header !== undefined ? { header: { type: "text", text: content.header } } : {}),
    body: { text: content.body },
    ...(content.footer !== undefined ? { footer: { text: content.footer } } : {}),
  };
}

// Copies only the fields the API knows, so extra properties on our objects never leak out.
function toSection(section: ListSection): ListSection {
  return {
    title: section.title,
    rows: section.rows.map(({ id, title, description }) => ({
      id,
      title,
      ...(description !== undefined ? { description } : {}),
    })),
  };
}

function toTemplate(content: Extract<OutgoingContent, { type: "template" }>): GraphTemplate {
  const template: GraphTemplate = { name: content.name, language: { code: content.language } };
  if (content.bodyParameters.length === 0) return template;
  return {
    ...template,
    components: [
      {
        type: "body",
        parameters: content.bodyParameters.map((text) => ({ type: "text", text })),
      },
    ],
  };
}
