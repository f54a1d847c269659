/**
 * Shopper-facing strings in English. This file defines the shape every language
 * follows: adding a language is one more file like this one, registered in ../messages.ts.
 * Placeholders: {name} is replaced by formatMessage().
 */
const en = {
  prefill: {
    /** Opening line of the WhatsApp message when the chat starts from a product. */
    product: "Hi! I'd like to know more about {product}",
    store: "Hi! I have a question",
    cart: "Hi! I'd like to order the items in my cart",
  },
  shopCard: {
    scanToChat: "Scan to chat with us on WhatsApp",
  },
};

export type Messages = typeof en;
export default en;
