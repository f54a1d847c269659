import type { PhoneNumberBinding } from "@/db/schema";

/**
 * Which WhatsApp phone-number id a store may use, and who vouches for it. A number is never
 * trusted because an owner typed it: with the platform's access token only the operator binds
 * numbers (WHATSAPP_PHONE_NUMBERS); with the store's own token, Graph API confirmed that the
 * token can use it (`store_token`). The demo seed's number is honoured in development only,
 * and only while the operator has bound nothing.
 */

export type BindingConfig = {
  /** Operator-bound numbers for the platform token: phone-number id → store slug. */
  platformPhoneNumbers: ReadonlyMap<string, string>;
  nodeEnv: "development" | "production" | "test";
};

export type StoreNumber = {
  slug: string;
  phoneNumberId: string | null;
  binding: PhoneNumberBinding | null;
};

/** The number the operator bound to this store's slug, if any. */
export function operatorBoundPhoneNumberId(
  slug: string,
  config: Pick<BindingConfig, "platformPhoneNumbers">,
): string | null {
  for (const [phoneNumberId, boundSlug] of config.platformPhoneNumbers) {
    if (boundSlug === slug) return phoneNumberId;
  }
  return null;
}

export function isDemoBindingHonoured(config: BindingConfig): boolean {
  return config.nodeEnv === "development" && config.platformPhoneNumbers.size === 0;
}

/** The number the platform's token may send from for this store, or null. */
export function platformTokenPhoneNumberId(
  store: StoreNumber,
  config: BindingConfig,
): string | null {
  const operator = operatorBoundPhoneNumberId(store.slug, config);
  if (operator) return operator;
  if (store.binding === "demo_seed" && isDemoBindingHonoured(config)) return store.phoneNumberId;
  return null;
}

/** The number the store's own token may send from: one Graph API confirmed, or the operator's. */
export function ownTokenPhoneNumberId(store: StoreNumber, config: BindingConfig): string | null {
  if (store.binding === "store_token" && store.phoneNumberId) return store.phoneNumberId;
  return platformTokenPhoneNumberId(store, config);
}

/** Whether an inbound item for `phoneNumberId` may be routed to the store holding it in its row. */
export function isTrustedStoredNumber(store: StoreNumber, config: BindingConfig): boolean {
  if (store.binding === "store_token") return true;
  return store.binding === "demo_seed" && isDemoBindingHonoured(config);
}

/** One sentence for Settings: which number the store uses and who vouched for it. */
export function describeStoreNumber(
  store: {
    slug: string;
    whatsappPhoneNumberId: string | null;
    whatsappPhoneNumberBinding: PhoneNumberBinding | null;
    whatsappDisplayPhoneNumber: string | null;
  },
  config: BindingConfig,
): string {
  const number: StoreNumber = {
    slug: store.slug,
    phoneNumberId: store.whatsappPhoneNumberId,
    binding: store.whatsappPhoneNumberBinding,
  };
  if (number.binding === "store_token" && number.phoneNumberId) {
    const display = store.whatsappDisplayPhoneNumber
      ? ` (${store.whatsappDisplayPhoneNumber})`
      : "";
    return `Current: ${number.phoneNumberId}${display}, confirmed by Meta for your access token.`;
  }
  const operator = operatorBoundPhoneNumberId(number.slug, config);
  if (operator) return `Current: ${operator}, bound to this store by the operator.`;
  if (number.binding === "demo_seed" && isDemoBindingHonoured(config)) {
    return `Current: ${number.phoneNumberId ?? ""}, the demo store's number (development only).`;
  }
  if (number.phoneNumberId) return `${number.phoneNumberId} is not confirmed, so it is not used.`;
  return "Not set.";
}

export const UNBOUND_PLATFORM_NUMBER =
  "WhatsApp is not connected: no phone number is bound to this store for the platform's access token. The operator binds one in WHATSAPP_PHONE_NUMBERS (<phone-number id>:<store slug>), or add your own access token and phone-number id in Settings → WhatsApp.";

export const UNCHECKED_OWN_NUMBER =
  "WhatsApp is not connected: save the phone-number id in Settings → WhatsApp, where it is checked with your access token.";
