import { z } from "zod";

/**
 * Zod schemas for the parts of a WhatsApp Cloud API webhook that Chatcart reads. Objects
 * strip unknown keys rather than reject them: Meta adds fields without notice. Message and
 * status bodies are validated in layers (webhook-payload.ts) so that a type or status we
 * don't know is only checked for the fields every type shares.
 */

/** Meta sends unix seconds as strings; numbers are accepted too. */
export const unixSeconds = z
  .union([z.string().regex(/^\d+$/, "expected unix seconds"), z.number().int().nonnegative()])
  .transform((value) => new Date(Number(value) * 1000));

export const wireErrorSchema = z.object({
  code: z.number().int(),
  title: z.string(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});

export const envelopeSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

const referralSchema = z.object({
  source_url: z.string().optional(),
  source_id: z.string().optional(),
  source_type: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  ctwa_clid: z.string().optional(),
});

/** The fields every message type has; the type's own object stays in the loose remainder. */
export const baseMessageSchema = z
  .looseObject({
    /** The sender's number; absent for a customer who hides it behind a username. */
    from: z.string().min(1).optional(),
    /** The business-scoped user id (BSUID), sent since 2026 whether or not there is a number. */
    from_user_id: z.string().min(1).optional(),
    id: z.string().min(1),
    timestamp: unixSeconds,
    type: z.string().min(1),
    context: z.object({ id: z.string().optional() }).optional(),
    referral: referralSchema.optional(),
    /** Meta could not read what the customer sent ("unsupported"); the reason is here. */
    errors: z.array(wireErrorSchema).optional(),
  })
  .refine((message) => message.from !== undefined || message.from_user_id !== undefined, {
    message: "from or from_user_id is required",
    path: ["from"],
  });

/** The fields every status has; the rest is checked only for statuses we act on. */
export const baseStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
});

export const deliveryStatusSchema = z
  .object({
    status: z.enum(["sent", "delivered", "read", "failed"]),
    timestamp: unixSeconds,
    recipient_id: z.string().min(1).optional(),
    recipient_user_id: z.string().min(1).optional(),
    errors: z.array(wireErrorSchema).optional(),
  })
  .refine((status) => status.recipient_id !== undefined || status.recipient_user_id !== undefined, {
    message: "recipient_id or recipient_user_id is required",
    path: ["recipient_id"],
  });

export const messagesValueSchema = z.object({
  metadata: z.object({ phone_number_id: z.string().min(1) }).optional(),
  contacts: z
    .array(
      z.object({
        wa_id: z.string().optional(),
        user_id: z.string().optional(),
        profile: z
          .object({ name: z.string().optional(), username: z.string().optional() })
          .optional(),
      }),
    )
    .optional(),
  // Checked one by one (webhook-payload.ts), so that every broken item is reported.
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(wireErrorSchema).optional(),
});

export const textBody = z.object({ body: z.string() });
export const replyBody = z.object({ id: z.string().min(1), title: z.string() });
export const interactiveBody = z.looseObject({ type: z.string().min(1) });
export const buttonBody = z.object({ payload: z.string(), text: z.string() });
export const mediaBody = z.object({
  caption: z.string().optional(),
  id: z.string().optional(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});
export const reactionBody = z.object({
  message_id: z.string().min(1),
  /** Absent or empty when the customer removed their reaction. */
  emoji: z.string().optional(),
});
export const editBody = z.looseObject({
  original_message_id: z.string().min(1),
  message: z.looseObject({ text: textBody.optional(), caption: z.string().optional() }).optional(),
  text: textBody.optional(),
});
export const revokeBody = z.object({ original_message_id: z.string().min(1) });
export const systemBody = z.object({
  type: z.string().min(1),
  body: z.string().optional(),
  wa_id: z.string().optional(),
  new_wa_id: z.string().optional(),
  user_id: z.string().optional(),
  new_user_id: z.string().optional(),
});
const wholeNumber = z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number);
export const orderBody = z.object({
  catalog_id: z.string().min(1),
  text: z.string().optional(),
  product_items: z
    .array(
      z.object({
        product_retailer_id: z.string().min(1),
        quantity: wholeNumber.pipe(z.number().int().positive()),
        /** Major units, as a number or a decimal string ("12.50"); read exactly per currency. */
        item_price: z.union([z.number().nonnegative(), z.string().min(1)]).transform(String),
        currency: z.string().regex(/^[A-Za-z]{3}$/, "expected an ISO 4217 currency code"),
      }),
    )
    .min(1),
});
export const contactsBody = z.array(
  z.looseObject({
    name: z.looseObject({ formatted_name: z.string().optional() }).optional(),
    phones: z
      .array(
        z.object({
          phone: z.string().optional(),
          wa_id: z.string().optional(),
          type: z.string().optional(),
        }),
      )
      .optional(),
    emails: z.array(z.object({ email: z.string().optional() })).optional(),
  }),
);

/** smb_message_echoes: what the owner sent from the WhatsApp Business app. */
export const baseEchoSchema = z
  .looseObject({
    id: z.string().min(1),
    timestamp: unixSeconds,
    type: z.string().min(1),
    to: z.string().min(1).optional(),
    to_user_id: z.string().min(1).optional(),
  })
  .refine((echo) => echo.to !== undefined || echo.to_user_id !== undefined, {
    message: "to or to_user_id is required",
    path: ["to"],
  });

export const echoesValueSchema = z.object({
  metadata: z.object({ phone_number_id: z.string().min(1) }),
  message_echoes: z.array(z.unknown()),
});

/** user_preferences: the customer stopped or resumed marketing messages in WhatsApp's menu. */
export const preferencesValueSchema = z.object({
  metadata: z.object({ phone_number_id: z.string().min(1) }),
  user_preferences: z.array(
    z
      .object({
        wa_id: z.string().min(1).optional(),
        user_id: z.string().min(1).optional(),
        category: z.string().min(1),
        value: z.string().min(1),
        timestamp: unixSeconds,
        detail: z.string().optional(),
      })
      .refine((preference) => preference.wa_id !== undefined || preference.user_id !== undefined, {
        message: "wa_id or user_id is required",
        path: ["wa_id"],
      }),
  ),
});

export const templateStatusValueSchema = z.object({
  event: z.string().min(1),
  message_template_id: z.union([z.string(), z.number()]).transform(String).optional(),
  message_template_name: z.string().min(1),
  message_template_language: z.string().min(1),
  reason: z.string().nullish(),
});
export const locationBody = z.object({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().optional(),
  address: z.string().optional(),
});

export type WireError = z.output<typeof wireErrorSchema>;
export type BaseMessage = z.output<typeof baseMessageSchema>;
export type BaseEcho = z.output<typeof baseEchoSchema>;
export type Contact = NonNullable<z.output<typeof messagesValueSchema>["contacts"]>[number];
