import { parsePrice } from "@/lib/catalog/price";
import type { CatalogOrderItem, InboundContent, InboundMediaType } from "@/lib/whatsapp/content";
import type { Issues, Path } from "@/lib/whatsapp/webhook-issues";
import {
  buttonBody,
  contactsBody,
  editBody,
  interactiveBody,
  locationBody,
  mediaBody,
  orderBody,
  reactionBody,
  replyBody,
  revokeBody,
  systemBody,
  textBody,
  type BaseMessage,
} from "@/lib/whatsapp/webhook-schema";

/**
 * What one webhook message (or owner echo) says, by its `type`: each shape Meta documents
 * becomes an InboundContent that keeps the data, not only the type name. A type Chatcart
 * does not know is "unsupported" with Meta's errors, never a failure of the item.
 */

const MEDIA_TYPES: readonly InboundMediaType[] = ["image", "document", "audio", "video", "sticker"];

function isMediaType(type: string): type is InboundMediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}

type ContentOf<K extends InboundContent["kind"]> = Extract<InboundContent, { kind: K }>;

/** Content of kind K with its optional fields given as undefined when absent. */
type Loose<T> = { [P in keyof Required<T>]: T[P] | undefined };

/** Drops undefined fields, so stored content has no `"key": undefined` noise. */
function defined<K extends InboundContent["kind"]>(value: Loose<ContentOf<K>>): ContentOf<K> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as ContentOf<K>;
}

function readInteractive(message: BaseMessage, path: Path, issues: Issues) {
  const interactive = issues.parse(interactiveBody, message.interactive, [...path, "interactive"]);
  if (!interactive) return undefined;
  const replyType = interactive.type;
  // Flow responses (nfm_reply) and other interactive replies are not taps we act on.
  if (replyType !== "button_reply" && replyType !== "list_reply") {
    return { kind: "unsupported", type: `interactive.${replyType}` } satisfies InboundContent;
  }
  const reply = issues.parse(replyBody, interactive[replyType], [
    ...path,
    "interactive",
    replyType,
  ]);
  return reply && ({ kind: "reply", replyId: reply.id, title: reply.title } as const);
}

function readMedia(
  mediaType: InboundMediaType,
  message: BaseMessage,
  path: Path,
  issues: Issues,
): InboundContent | undefined {
  const media = issues.parse(mediaBody, message[mediaType], [...path, mediaType]);
  if (!media) return undefined;
  return defined<"media">({
    kind: "media",
    mediaType,
    caption: media.caption,
    mediaId: media.id,
    mimeType: media.mime_type,
    sha256: media.sha256,
    filename: media.filename,
    voice: media.voice,
    animated: media.animated,
  });
}

function readOrder(message: BaseMessage, path: Path, issues: Issues): InboundContent | undefined {
  const order = issues.parse(orderBody, message.order, [...path, "order"]);
  if (!order) return undefined;
  const items: CatalogOrderItem[] = [];
  order.product_items.forEach((item, index) => {
    const currency = item.currency.toUpperCase();
    // Meta sends the catalog price in major units (12.5 dollars, 4800 yen); keep exact minor units.
    const price = parsePrice(item.item_price, currency);
    if (!price.ok) {
      issues.add([...path, "order", "product_items", index, "item_price"], price.error);
      return;
    }
    items.push({
      retailerId: item.product_retailer_id,
      quantity: item.quantity,
      unitPriceMinor: price.minor,
      currency,
    });
  });
  if (items.length < order.product_items.length) return undefined;
  return defined<"order">({ kind: "order", catalogId: order.catalog_id, text: order.text, items });
}

function readContacts(message: BaseMessage, path: Path, issues: Issues) {
  const contacts = issues.parse(contactsBody, message.contacts, [...path, "contacts"]);
  if (!contacts) return undefined;
  return {
    kind: "contacts",
    contacts: contacts.map((card) => ({
      name: card.name?.formatted_name ?? "",
      phones: (card.phones ?? []).map((phone) =>
        Object.fromEntries(
          Object.entries({ phone: phone.phone, waId: phone.wa_id, type: phone.type }).filter(
            ([, field]) => field !== undefined,
          ),
        ),
      ),
      emails: (card.emails ?? []).flatMap((email) => (email.email ? [email.email] : [])),
    })),
  } satisfies InboundContent;
}

function readEdit(message: BaseMessage, path: Path, issues: Issues): InboundContent | undefined {
  const edit = issues.parse(editBody, message.edit, [...path, "edit"]);
  if (!edit) return undefined;
  const text = edit.message?.text?.body ?? edit.message?.caption ?? edit.text?.body;
  if (text === undefined) {
    issues.add([...path, "edit", "message"], "the edited text is missing");
    return undefined;
  }
  return { kind: "edit", targetWamid: edit.original_message_id, text };
}

function readSystem(message: BaseMessage, path: Path, issues: Issues): InboundContent | undefined {
  const system = issues.parse(systemBody, message.system, [...path, "system"]);
  if (!system) return undefined;
  return defined<"system">({
    kind: "system",
    systemType: system.type,
    body: system.body ?? system.type,
    newWaId: system.new_wa_id ?? system.wa_id,
    newUserId: system.new_user_id ?? system.user_id,
  });
}

/** The content of one message by its type; undefined (with issues recorded) when malformed. */
export function readContent(
  message: BaseMessage,
  path: Path,
  issues: Issues,
): InboundContent | undefined {
  const { type } = message;
  if (isMediaType(type)) return readMedia(type, message, path, issues);
  switch (type) {
    case "text": {
      const text = issues.parse(textBody, message.text, [...path, "text"]);
      return text && { kind: "text", text: text.body };
    }
    case "interactive":
      return readInteractive(message, path, issues);
    case "button": {
      const button = issues.parse(buttonBody, message.button, [...path, type]);
      return button && { kind: "reply", replyId: button.payload, title: button.text };
    }
    case "location": {
      const location = issues.parse(locationBody, message.location, [...path, type]);
      return (
        location &&
        defined<"location">({
          kind: "location",
          latitude: location.latitude,
          longitude: location.longitude,
          name: location.name,
          address: location.address,
        })
      );
    }
    case "reaction": {
      const reaction = issues.parse(reactionBody, message.reaction, [...path, type]);
      return (
        reaction && {
          kind: "reaction",
          targetWamid: reaction.message_id,
          emoji: reaction.emoji ? reaction.emoji : null,
        }
      );
    }
    case "edit":
      return readEdit(message, path, issues);
    case "revoke": {
      const revoke = issues.parse(revokeBody, message.revoke, [...path, type]);
      return revoke && { kind: "revoke", targetWamid: revoke.original_message_id };
    }
    case "system":
      return readSystem(message, path, issues);
    case "request_welcome":
      return { kind: "welcome" };
    case "order":
      return readOrder(message, path, issues);
    case "contacts":
      return readContacts(message, path, issues);
    default: {
      const errors = (message.errors ?? []).map((error) => ({
        code: error.code,
        title: error.title,
      }));
      return errors.length > 0
        ? { kind: "unsupported", type, errors }
        : { kind: "unsupported", type };
    }
  }
}
