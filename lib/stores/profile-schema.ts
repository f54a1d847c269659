import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";

/** Languages the owner-facing store profile can choose as default. */
export const STORE_LANGUAGES = ["en", "ja"] as const;
export type StoreLanguage = (typeof STORE_LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<StoreLanguage, string> = {
  en: "English",
  ja: "日本語 (Japanese)",
};

const SUPPORTED_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export function isKnownCurrency(code: string): boolean {
  return SUPPORTED_CURRENCIES.has(code);
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// North American numbers with the 555 area code are reserved for fiction; the demo
// store uses one, so it must survive a round trip through Settings.
const FICTIONAL_NUMBER = /^\+1555\d{7}$/;

/** Parses an international phone number into E.164, or returns null. */
export function toE164(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim());
  if (!parsed) return null;
  if (parsed.isValid() || FICTIONAL_NUMBER.test(parsed.number)) return parsed.number;
  return null;
}

/** "+81751234567" → "+81 75 123 4567" */
export function formatPhoneNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

export const whatsappNumberField = z
  .string()
  .trim()
  .min(1, "Enter the WhatsApp number customers will chat with")
  .transform((value, ctx) => {
    // WhatsApp reaches a number, never an extension: refuse one rather than drop it.
    if (value.startsWith("+") && parsePhoneNumberFromString(value)?.ext) {
      ctx.addIssue({
        code: "custom",
        message: "WhatsApp numbers have no extension: remove the “ext” part",
      });
      return z.NEVER;
    }
    const e164 = value.startsWith("+") ? toE164(value) : null;
    if (!e164) {
      ctx.addIssue({
        code: "custom",
        message: value.startsWith("+")
          ? "This is not a valid phone number"
          : "Use international format: + and the country code, e.g. +81 75 123 4567",
      });
      return z.NEVER;
    }
    return e164;
  });

export const currencyField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, "Unknown currency: use an ISO 4217 code such as JPY, USD or EUR");

export const timeZoneField = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .refine(isKnownTimeZone, "Unknown time zone: use an IANA name such as Asia/Tokyo");

export const storeNameField = z
  .string()
  .trim()
  .min(2, "The store name needs at least 2 characters")
  .max(80, "Keep the store name under 80 characters");

export const storeProfileSchema = z.object({
  name: storeNameField,
  whatsappNumber: whatsappNumberField,
  currency: currencyField,
  timezone: timeZoneField,
  defaultLanguage: z.enum(STORE_LANGUAGES, { message: "Choose English or Japanese" }),
});

export type StoreProfileInput = z.infer<typeof storeProfileSchema>;
