import { z } from "zod";
import { credentialValueSchemas, phoneNumberIdField } from "./credentials";

/** A blank box means "keep what is stored"; anything else must be a valid value. */
function keepIfBlank<T extends z.ZodType<string>>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );
}

export const whatsappCredentialsSchema = z.object({
  phoneNumberId: keepIfBlank(phoneNumberIdField),
  accessToken: keepIfBlank(credentialValueSchemas.whatsapp_access_token),
  appSecret: keepIfBlank(credentialValueSchemas.whatsapp_app_secret),
});

export const stripeCredentialsSchema = z.object({
  secretKey: keepIfBlank(credentialValueSchemas.stripe_secret_key),
  webhookSecret: keepIfBlank(credentialValueSchemas.stripe_webhook_secret),
});

export const removableCredential = z.enum([
  "whatsapp_phone_number_id",
  "whatsapp_access_token",
  "whatsapp_app_secret",
  "stripe_secret_key",
  "stripe_webhook_secret",
]);

export const removeCredentialSchema = z.object({ name: removableCredential });
