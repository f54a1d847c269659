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
  notFound: {
    /** A page inside a known store that does not exist (an old or mistyped product link). */
    pageTitle: "We couldn't find that page",
    pageText: "The product may no longer be sold here, or the link may be mistyped.",
    backToStore: "Back to {store}",
    /** A storefront or chat link whose store does not exist. */
    storeTitle: "We couldn't find this shop",
    storeText: "The link may be old or mistyped. Please check the address with the shop.",
    /** A chat link (/go) to a store that has no WhatsApp number yet. */
    chatTitle: "Chat not available yet",
    chatText: "This shop has not set up its WhatsApp number yet.",
  },
  storefront: {
    /** Accessible name of the language switcher's list. */
    language: "Language",
    catalogTitle: "All products",
    productCount: { one: "{count} product", other: "{count} products" },
    noProducts: "This store has no products yet.",
    cart: "Cart",
    /** Accessible name of the header's cart link. */
    cartLink: { one: "Cart, {count} item", other: "Cart, {count} items" },
    backToCatalog: "All products",
    quantity: "Quantity",
    addToCart: "Add to cart",
    added: "Added to your cart.",
    viewCart: "View cart",
    chatToBuy: "Chat to buy",
    chatToBuyHint: "Ask a question or order in a WhatsApp chat with the store.",
    /** Product page, when the store runs a loyalty programme (the first tier's rate). */
    earnPoints: { one: "Earn {count} point", other: "Earn {count} points" },
    yourCart: "Your cart",
    emptyCart: "Your cart is empty.",
    continueShopping: "Continue shopping",
    unitPrice: "{price} each",
    decrease: "One fewer {product}",
    increase: "One more {product}",
    remove: "Remove",
    removeProduct: "Remove {product}",
    unavailable: "No longer available — not included in the total",
    subtotal: "Subtotal",
    itemCount: { one: "{count} item", other: "{count} items" },
    continueInWhatsApp: "Continue in WhatsApp",
    checkoutNote:
      "Your cart goes with you into a WhatsApp chat with the store to finish your order.",
    errors: {
      busy: "Too many carts were started from your network just now. Please try again in a few minutes.",
      quantity: "Choose a quantity from 1 to 99.",
      unavailable: "Sorry, that product is no longer available.",
    },
  },
};

export type Messages = typeof en;
export default en;
