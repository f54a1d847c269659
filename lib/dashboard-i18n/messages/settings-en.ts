/** Settings (profile, business hours, WhatsApp, Stripe) in English; settings-ja.ts follows it. */
const settingsEn = {
  title: "Settings",
  ownerOnly: "Only the store owner can change these settings.",
  profile: {
    title: "Store profile",
    description: "How your store appears to shoppers and in your reports.",
    name: "Store name",
    whatsappNumber: "WhatsApp number",
    whatsappNumberHelp: "International format, e.g. +81 75 123 4567.",
    currency: "Currency",
    currencyHelp: "Fixed once you add a product or take an order.",
    defaultLanguage: "Default language",
    timezone: "Time zone",
    save: "Save profile",
    languages: { en: "English", ja: "日本語 (Japanese)" },
  },
  hours: {
    title: "Business hours",
    description:
      "The widget shows your offline note (or hides) outside them, and the bot tells shoppers when you are back.",
    save: "Save business hours",
  },
  whatsapp: {
    title: "WhatsApp Cloud API",
    description:
      "From Meta's WhatsApp Manager (API Setup) and your app's Basic settings. Secrets are encrypted before they are stored and are never shown again.",
    status: "Status",
    connected: "Connected to WhatsApp",
    sandbox: "Sandbox — replies go to the simulator",
    notConnected: "Not connected",
    sandboxHelp:
      "No access token is set, so nothing reaches real phones. Try the bot in Dashboard → Simulator.",
    webhookUrl: "Webhook callback URL",
    webhookHelp:
      "In your Meta app: WhatsApp → Configuration → Webhook, subscribe to the {field} field.",
    phoneNumberId: "Phone-number id",
    phoneNumberIdHelp:
      "A new id is saved only with your own access token, after Meta confirms the token can use it.",
    phoneNumberIdPlaceholder: "e.g. 106540352242922",
    accessToken: "Access token",
    accessTokenPlaceholder: "Paste a new token to replace",
    appSecret: "App secret",
    appSecretPlaceholder: "Paste a new app secret to replace",
    save: "Save WhatsApp settings",
  },
  stripe: {
    title: "Stripe",
    description:
      "From the Stripe Dashboard (Developers → API keys, and your webhook endpoint's signing secret).",
    secretKey: "Secret key",
    webhookSecret: "Webhook signing secret",
    save: "Save Stripe settings",
  },
  stored: {
    title: "Stored values",
    notSet: "Not set.",
    stored: "Stored:",
    updated: "updated {date}",
    remove: "Remove",
  },
  /** Words lib/ functions write in English (number status, connection reasons). */
  status: {
    confirmed: "Current: {id}, confirmed by Meta for your access token.",
    operator: "Current: {id}, bound to this store by the operator.",
    demo: "Current: {id}, the demo store's number (development only).",
    unconfirmed: "{id} is not confirmed, so it is not used.",
    notSet: "Not set.",
    storeGone: "The store no longer exists.",
    noToken: "WhatsApp is not connected: add an access token in Settings → WhatsApp.",
    unbound:
      "WhatsApp is not connected: no phone number is bound to this store for the platform's access token. The operator binds one in WHATSAPP_PHONE_NUMBERS (<phone-number id>:<store slug>), or add your own access token and phone-number id in Settings → WhatsApp.",
    unchecked:
      "WhatsApp is not connected: save the phone-number id in Settings → WhatsApp, where it is checked with your access token.",
  },
  outcomes: {
    profileSaved: "Store profile saved.",
    hoursSaved: "Business hours saved.",
    whatsappSaved: "WhatsApp settings saved.",
    whatsappVerify:
      "WhatsApp settings saved. In your Meta app's webhook settings enter the callback URL {url} and the verify token {token} — it is shown only this once (save the app secret again for a new one).",
    stripeSaved: "Stripe settings saved.",
    nothingToChange: "Nothing to change.",
    removed: "Removed.",
  },
  errors: {
    nothingSaved: "Nothing was saved.",
    nothingSavedBecause: "Nothing was saved. {reason}",
    numberRequired: "Enter the WhatsApp number customers will chat with",
    numberExtension: "WhatsApp numbers have no extension: remove the “ext” part",
    numberInvalid: "This is not a valid phone number",
    numberFormat: "Use international format: + and the country code, e.g. +81 75 123 4567",
    currency: "Unknown currency: use an ISO 4217 code such as JPY, USD or EUR",
    timezoneRequired: "Choose a time zone",
    timezone: "Unknown time zone: use an IANA name such as Asia/Tokyo",
    nameShort: "The store name needs at least 2 characters",
    nameLong: "Keep the store name under 80 characters",
    language: "Choose English or Japanese",
    currencyOrders: "The currency is fixed once the store has orders: their totals are in it.",
    currencyProducts:
      "The currency is fixed once the store has priced products: their prices are in it.",
    tokenShort: "An access token is a long string from Meta's WhatsApp Manager",
    tokenSpaces: "The token must not contain spaces",
    appSecret: "The app secret is 32 hexadecimal characters (App settings → Basic)",
    webhookSecret: "A Stripe webhook signing secret starts with whsec_",
    operatorBound:
      "Without your own access token, messages go out with Chatcart's token, and its numbers are bound by the operator. Add your own access token to connect a number of your own.",
    boundElsewhere: "This phone-number id is bound to another store by the operator.",
    connectedElsewhere: "This phone-number id is already connected to another store.",
  },
};

export default settingsEn;
