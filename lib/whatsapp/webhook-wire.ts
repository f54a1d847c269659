import type { DeliveryStatus } from "@/lib/whatsapp/webhook-items";

/**
 * The webhook body as the WhatsApp Cloud API sends it (field names as on the wire), as far
 * as lib/whatsapp/webhook-builders.ts produces it. Meta sends more; the parser ignores it.
 */

export type WireContext = { from: string; id: string };

export type WireReferral = {
  source_url: string;
  source_id: string;
  source_type: "ad" | "post";
  headline?: string;
  body?: string;
  media_type?: "image" | "video";
  image_url?: string;
  ctwa_clid?: string;
};

export type WireMedia = {
  id: string;
  mime_type: string;
  sha256: string;
  caption?: string;
  filename?: string;
};

export type WireReply = { id: string; title: string; description?: string };

export type WireInteractive =
  { type: "button_reply"; button_reply: WireReply } | { type: "list_reply"; list_reply: WireReply };

export type WireError = {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href?: string;
};

export type WireMessage = {
  from: string;
  id: string;
  timestamp: string;
  type: string;
  context?: WireContext;
  referral?: WireReferral;
  text?: { body: string };
  interactive?: WireInteractive;
  button?: { payload: string; text: string };
  image?: WireMedia;
  document?: WireMedia;
  audio?: WireMedia;
  video?: WireMedia;
  sticker?: WireMedia;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  reaction?: { message_id: string; emoji: string };
  errors?: WireError[];
};

export type PricingCategory = "service" | "utility" | "marketing" | "authentication";

export type WireStatus = {
  id: string;
  status: DeliveryStatus;
  timestamp: string;
  recipient_id: string;
  conversation?: { id: string; expiration_timestamp?: string; origin: { type: PricingCategory } };
  pricing?: { billable: boolean; pricing_model: "PMP"; category: PricingCategory; type: string };
  errors?: WireError[];
};

export type WireValue = {
  messaging_product: "whatsapp";
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: { profile: { name: string }; wa_id: string }[];
  messages?: WireMessage[];
  statuses?: WireStatus[];
  errors?: WireError[];
};

export type WhatsAppWebhookPayload = {
  object: "whatsapp_business_account";
  entry: { id: string; changes: { value: WireValue; field: "messages" }[] }[];
};
