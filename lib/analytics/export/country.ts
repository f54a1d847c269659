import { parsePhoneNumberFromString } from "libphonenumber-js";

export const UNKNOWN_COUNTRY = "unknown";

/**
 * The ISO country of a WhatsApp number (E.164 or digits), as the analytics contract counts
 * it; "unknown" when there is no number or it belongs to no country.
 */
export function phoneCountry(phone: string | null | undefined): string {
  const digits = phone?.replace(/\D/g, "") ?? "";
  if (!digits) return UNKNOWN_COUNTRY;
  return parsePhoneNumberFromString(`+${digits}`)?.country ?? UNKNOWN_COUNTRY;
}

/** phoneCountry() with a bounded memo: a store's exports repeat the same customers. */
export function memoisedPhoneCountry(limit = 10_000): (phone: string | null) => string {
  const memo = new Map<string, string>();
  return (phone) => {
    if (!phone) return UNKNOWN_COUNTRY;
    let country = memo.get(phone);
    if (country === undefined) {
      country = phoneCountry(phone);
      if (memo.size >= limit) memo.clear();
      memo.set(phone, country);
    }
    return country;
  };
}
