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
  orderStatus: {
    pending: "Awaiting payment",
    paid: "Paid",
    refunded: "Refunded",
    cancelled: "Cancelled",
  },
};

export type DashboardMessages = typeof en;
export default en;
