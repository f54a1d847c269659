import type { ShopperLanguage } from "@/lib/i18n/languages";
import { formatMessage, messagesFor } from "@/lib/i18n/messages";
import { refTag, stripRefTags } from "./refs";

/**
 * Prefilled texts are shorter than this, counted in UTF-16 code units (the strictest
 * count: an emoji is two), so they are also under 140 by code points or graphemes.
 */
export const PREFILL_LIMIT = 140;
const MAX_LENGTH = PREFILL_LIMIT - 1;
const ELLIPSIS = "…";
/** Below this much room a product name is not worth showing; the whole line is shortened instead. */
const MIN_NAME_ROOM = 8;

/** What the chat is about: the store in general, a product, a cart, or an owner's QR message. */
export type PrefillSubject =
  | { kind: "store" }
  | { kind: "product"; productName: string }
  | { kind: "cart" }
  | { kind: "custom"; message: string };

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Shortens to at most `max` UTF-16 units, never splitting an emoji or a combined character. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let kept = "";
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > max - ELLIPSIS.length) break;
    kept += segment;
  }
  return kept.trimEnd() + ELLIPSIS;
}

/** Drops control characters (keeping line breaks when asked), lone surrogates and ref tags. */
function clean(text: string, { keepLineBreaks }: { keepLineBreaks: boolean }): string {
  const normalised = text.replace(/\r\n?/g, "\n").toWellFormed();
  const spaced = keepLineBreaks
    ? normalised.replace(/[^\S\n]|(?!\n)\p{Cc}/gu, " ")
    : normalised.replace(/[\s\p{Cc}]+/gu, " ");
  return stripRefTags(spaced)
    .replace(/ {2,}/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

function productLine(language: ShopperLanguage, productName: string, room: number): string {
  const template = messagesFor(language).prefill.product;
  const name = clean(productName, { keepLineBreaks: false });
  if (!name) return truncateText(messagesFor(language).prefill.store, room);
  const full = formatMessage(template, { product: name });
  if (full.length <= room) return full;
  const nameRoom = room - formatMessage(template, { product: "" }).length;
  if (nameRoom < MIN_NAME_ROOM) return truncateText(full, room);
  return formatMessage(template, { product: truncateText(name, nameRoom) });
}

function openingLine(language: ShopperLanguage, subject: PrefillSubject, room: number): string {
  const prefill = messagesFor(language).prefill;
  switch (subject.kind) {
    case "product":
      return productLine(language, subject.productName, room);
    case "cart":
      return truncateText(prefill.cart, room);
    case "custom": {
      const message = clean(subject.message, { keepLineBreaks: true });
      return truncateText(message || prefill.store, room);
    }
    case "store":
      return truncateText(prefill.store, room);
  }
}

/**
 * The WhatsApp message a shopper finds typed for them: an opening line in their language
 * (naming the product when there is one, shortened with an ellipsis when long), then the
 * ref tag, which is never cut. Without a ref (visits we do not record) it is the line alone.
 */
export function buildPrefilledText(
  language: ShopperLanguage,
  subject: PrefillSubject,
  ref?: string | null,
): string {
  const suffix = ref ? ` ${refTag(ref)}` : "";
  return openingLine(language, subject, MAX_LENGTH - suffix.length) + suffix;
}
