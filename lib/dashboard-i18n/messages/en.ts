import ordersEn from "./orders-en";

/**
 * The dashboard's strings in English. This file defines the shape every language follows
 * (ja.ts is checked against it). Placeholders: {name} is replaced by formatMessage().
 * Every dashboard page and component takes its words from here, new features included.
 */
const en = {
  layout: {
    store: "Store",
    switchStore: "Switch",
    viewStore: "View store",
    openNavigation: "Open navigation",
  },
  nav: {
    label: "Dashboard",
    overview: "Overview",
    inbox: "Inbox",
    orders: "Orders",
    products: "Products",
    widget: "Widget",
    qr: "QR codes",
    bot: "Bot",
    simulator: "Simulator",
    settings: "Settings",
  },
  userMenu: {
    roles: { owner: "Owner", agent: "Agent" },
    language: "Language",
    signOut: "Sign out",
    errors: {
      language: "Choose English or 日本語.",
    },
  },
  overview: {
    title: "Overview",
    period: "{store}: the last {days} days, in {timezone} time.",
    stats: {
      revenue: "Revenue",
      paidOrders: "Paid orders",
      chatsStarted: "Chats started",
      newCustomers: "New customers",
      noPrevious: "No data for the previous 30 days",
      change: "{change}% vs previous 30 days",
    },
    chart: {
      title: "Revenue per day",
      description: "Paid orders, by the day they were paid.",
      revenue: "Revenue",
      emptyTitle: "No sales in the last {days} days",
      emptyText:
        "Each day's revenue appears here once orders are paid. Put a chat button on your product pages or a QR code on your counter to start conversations.",
      addWidget: "Add the widget",
      makeQr: "Make a QR code",
    },
    orders: {
      title: "Latest orders",
      order: "Order",
      placed: "Placed",
      entryPoint: "Entry point",
      status: "Status",
      total: "Total",
    },
    setup: {
      title: "Get your store ready",
      description: "Your store has no orders yet. Each step ticks itself off when it is done.",
      done: "Done",
      toDo: "To do",
      productTitle: "Add a product",
      productBody:
        "Name, price and a photo; it appears in your storefront and the bot can show it.",
      simulatorTitle: "Try the simulator",
      simulatorBody: "Chat with your bot as a shopper would, without a WhatsApp account.",
      widgetTitle: "Install the widget",
      widgetBody:
        "Paste the snippet into your website; this ticks itself once a shopper taps it there.",
      shopCardTitle: "Print a shop card",
      shopCardBody: "Make a QR code and print its card for your counter or shopping bags.",
      whatsappTitle: "Connect WhatsApp",
      whatsappBody: "Add your phone-number id and access token from Meta's WhatsApp Manager.",
    },
  },
  products: {
    title: "Products",
    intro:
      "Prices are in {currency}, your store's currency. Archived products stay on past orders but leave the storefront.",
    agentIntro: "Only the store owner can add or change products.",
    newProduct: "New product",
    filterLabel: "Filter products",
    filters: { all: "All", active: "Active", archived: "Archived" },
    empty: {
      all: "No products yet. Add your first one to show it in your storefront and in chats.",
      active: "No active products. Restore an archived one or add a new product.",
      archived: "No archived products.",
    },
    table: {
      image: "Image",
      name: "Name",
      sku: "SKU",
      price: "Price",
      status: "Status",
      actions: "Actions",
      active: "Active",
      archived: "Archived",
      edit: "Edit",
      view: "View",
      editProduct: "Edit {product}",
      viewProduct: "View {product}",
      archive: "Archive",
      restore: "Restore",
      archiveProduct: "Archive {product}",
      restoreProduct: "Restore {product}",
    },
  },
  orders: ordersEn,
  inbox: {
    sendLink: {
      open: "Send payment link",
      title: "Send a payment link",
      description:
        "Choose products and quantities. Prices come from your catalog; the link is sent in this chat.",
      quantity: "Quantity of {product}",
      note: "Note (optional)",
      notePlaceholder: "Shown above the order in the message",
      noProducts: "No active products: add one under Products first.",
      send: "Send link",
      sending: "Sending…",
      cancel: "Cancel",
      sent: "Payment link for order {number} queued.",
      duplicate: "The link for order {number} was just sent; it was not sent again.",
      errors: {
        empty: "Choose at least one product.",
        quantity: "Quantities must be whole numbers from 1 to 99.",
        tooMany: "Too many different products for one order.",
        products: "One of the products is not in your store.",
        note: "Keep the note to 500 characters.",
        conversation: "This conversation does not exist in your store.",
        not_found: "This conversation does not exist in your store.",
        closed: "This conversation is closed. The customer's next message opens a new one.",
        outside_window: "The 24-hour window is closed, so a payment link cannot be sent now.",
        no_origin: "The app's address is not configured (APP_URL), so no link can be made.",
        payments_unavailable:
          "Payments are not set up: add the store's Stripe key in Settings first.",
        unavailable_products:
          "Some products are archived, not in your store, or in another currency.",
        bad_quantity: "Quantities must be whole numbers from 1 to 99.",
        too_many_lines: "Too many different products for one order.",
        invalid: "Please check the products and quantities.",
      },
    },
  },
  /** Settings → Payments: how the store takes payment, the checkout's expiry and shipping. */
  payments: {
    title: "Payments",
    description:
      "How shoppers pay the links sent in the chat: a Stripe Checkout page for each order.",
    modeLabel: "Payments mode",
    modes: {
      stripeStore: "Stripe (store key)",
      stripePlatform: "Stripe (platform key)",
      sandbox: "Test mode — local test checkout, no real payment",
      unavailable:
        "Configuration error: no Stripe secret key. Add the store's key under Stripe, or set STRIPE_SECRET_KEY for the platform.",
    },
    modeHelp: {
      stripe: "Payment links open a Stripe Checkout Session; Stripe's webhook marks orders paid.",
      sandbox:
        "No Stripe key is set, so payment links open a local test checkout with Pay (test) and Decline. Add a Stripe secret key under Stripe to take real payments.",
      unavailable: "Shoppers are told that payment is not available yet; nothing is marked paid.",
    },
    webhookLabel: "Stripe webhook endpoint",
    webhookHelp:
      "In the Stripe Dashboard (Developers → Webhooks) add this endpoint and enable these events:",
    webhookPlatform:
      "This store has no webhook signing secret of its own, so its events use the platform's endpoint.",
    expiryLabel: "Checkout link expiry",
    expiryHelp:
      "How long one Stripe Checkout page stays open: 30 minutes to 24 hours. An expired page is replaced when the shopper opens the link again.",
    expiryValue: "Expiry",
    units: { minutes: "minutes", hours: "hours" },
    countriesLabel: "Shipping countries",
    countriesHelp:
      "Two-letter country codes, separated by commas (e.g. JP, US, GB). Checkout asks for a shipping address in one of these countries.",
    resetCountries: "Use the default list",
    save: "Save payment settings",
    saving: "Saving…",
    saved: "Payment settings saved.",
    readOnly: "Only the store owner can change payment settings.",
    errors: {
      ownerOnly: "Only the store owner can change payment settings.",
      invalid: "Nothing was saved. Please correct the highlighted fields.",
      expiryNumber: "Enter a whole number.",
      expiryUnit: "Choose minutes or hours.",
      expiryRange: "Choose between 30 minutes and 24 hours (Stripe's limits).",
      countriesEmpty: "Enter at least one country code.",
      countryCode: "Not a two-letter country code: {codes}",
      tooManyCountries: "Enter at most {max} countries.",
    },
  },
  /** Where a chat or order came from (clicks.source), in words. */
  sources: {
    widget: "Website widget",
    product_button: "Product button",
    desktop_qr: "Product page QR",
    qr: "Shop QR code",
    cart: "Cart",
    link: "Link",
    ad: "WhatsApp ad",
    unattributed: "Unattributed",
  },
  /** Bot → Templates: which approved template carries each order message outside 24 hours. */
  orderTemplates: {
    title: "Order messages outside the 24-hour window",
    description:
      "Order confirmations and updates go as free text while the shopper wrote in the last 24 hours. Later, WhatsApp only delivers an approved utility template: choose one per message and what fills its variables. Without one, the message is kept as blocked with the reason.",
    template: "Template",
    none: "None (blocked outside 24 hours)",
    noTemplates: "Add an approved utility template above to choose one here.",
    save: "Save order templates",
    saved: "Order templates saved.",
    readOnly: "Only the store owner can change these.",
    kinds: {
      confirmation: "Payment confirmed",
      shipped: "Shipped",
      delivered: "Delivered",
      cancelled: "Cancelled",
      refunded: "Refunded",
      partially_refunded: "Partly refunded",
    },
    values: {
      order_number: "Order number",
      customer_name: "Customer name",
      total: "Total",
      items: "Items",
      tracking_url: "Tracking link",
      refund_amount: "Refunded amount",
      store_name: "Store name",
    },
    errors: {
      invalid: "Please correct the highlighted messages.",
      unknownTemplate: "The store has no utility template with this name.",
      notEnoughVariables: "Fill every variable the template has.",
      variableGap: "Fill the variables in order from {{1}}, without gaps.",
    },
  },
  orderStatus: {
    pending: "Awaiting payment",
    paid: "Paid",
    refunded: "Refunded",
    cancelled: "Cancelled",
  },
  /** Stripe problems the owner must fix, and refusals of a refund (lib/payments/error-words.ts). */
  paymentErrors: {
    authentication: "Stripe refused the secret key. Check it in Settings → Payments.",
    permission:
      "The Stripe key lacks a permission Chatcart needs: Checkout Sessions (write), Refunds (write), Events (read).",
    stripe: "Stripe refused a request: {message}",
    notConfigured: "Payments are not set up: add the store's Stripe key in Settings → Payments.",
    refundNotFound: "This order was not found.",
    refundNotPaid: "Only a paid order can be refunded.",
    refundTooMuch: "At most {amount} can still be refunded.",
    refundTooLittle: "Enter an amount to refund.",
    refundRetrying: "Stripe could not be reached. The refund will be retried automatically.",
  },
};

export type DashboardMessages = typeof en;
export default en;
