import { z } from "zod";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { formatMessage } from "@/lib/i18n/messages";
import { CHECKOUT_EXPIRY_MINUTES, type PaymentSettings } from "@/lib/stores/settings";

/** Stripe's shipping_address_collection takes at most this many countries. */
export const MAX_SHIPPING_COUNTRIES = 236;

// Codes Intl names that are not countries one can ship to.
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ"]);
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined;
}

/** "jp, us ,GB,,us" → ["JP", "US", "GB"]: upper-cased, blanks and repeats dropped. */
export function splitCountryCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,、，;]+/)
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** How the form shows a stored expiry: in hours when it is a whole number of them. */
export function expiryFormValue(minutes: number): { value: string; unit: "minutes" | "hours" } {
  return minutes % 60 === 0
    ? { value: String(minutes / 60), unit: "hours" }
    : { value: String(minutes), unit: "minutes" };
}

/**
 * The Settings → Payments form (expiry as a number and a unit, countries as comma-separated
 * codes) → the store's `payments` settings, with the owner's language in every message.
 */
export function paymentSettingsFormSchema(t: DashboardMessages["payments"]["errors"]) {
  return z
    .object({
      expiryValue: z
        .string({ error: t.expiryNumber })
        .trim()
        .regex(/^\d{1,5}$/, t.expiryNumber)
        .transform(Number),
      expiryUnit: z.enum(["minutes", "hours"], { error: t.expiryUnit }),
      shippingCountries: z
        .string({ error: t.countriesEmpty })
        .transform(splitCountryCodes)
        .superRefine((codes, context) => {
          if (codes.length === 0) context.addIssue({ code: "custom", message: t.countriesEmpty });
          const bad = codes.filter((code) => !isCountryCode(code));
          if (bad.length > 0)
            context.addIssue({
              code: "custom",
              message: formatMessage(t.countryCode, { codes: bad.join(", ") }),
            });
          if (codes.length > MAX_SHIPPING_COUNTRIES)
            context.addIssue({
              code: "custom",
              message: formatMessage(t.tooManyCountries, { max: String(MAX_SHIPPING_COUNTRIES) }),
            });
        }),
    })
    .transform((form): PaymentSettings => ({
      checkoutExpiryMinutes: form.expiryValue * (form.expiryUnit === "hours" ? 60 : 1),
      shippingCountries: form.shippingCountries,
    }))
    .refine(
      (settings) =>
        settings.checkoutExpiryMinutes >= CHECKOUT_EXPIRY_MINUTES.min &&
        settings.checkoutExpiryMinutes <= CHECKOUT_EXPIRY_MINUTES.max,
      { message: t.expiryRange, path: ["expiryValue"] },
    );
}
