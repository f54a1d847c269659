/**
 * What the store bot says, in English. This file defines the shape every language follows
 * (registered in ../messages.ts). Placeholders: {name} is replaced by formatMessage().
 * Strings used as button titles or list labels must fit WhatsApp's limits (see ../limits.ts);
 * tests/unit/bot-limits.test.ts checks every language.
 */
const en = {
  menu: {
    welcome: "Hi! Welcome to {store}.",
    prompt: "How can we help? Choose an option below.",
    /** List button label (≤ 20) and section title (≤ 24). */
    button: "Menu",
    section: "How can we help?",
    /** Row titles ≤ 24, descriptions ≤ 72. */
    catalog: { title: "Browse products", description: "See what we sell" },
    orders: { title: "My orders", description: "Status of your recent orders" },
    faq: { title: "Questions & answers", description: "Shipping, returns and more" },
    agent: { title: "Talk to a person", description: "Chat with someone from our team" },
  },
  product: {
    /** Button titles ≤ 20. */
    moreProducts: "More products",
    talkToPerson: "Talk to a person",
    notFound: "Sorry, that product is no longer available.",
  },
  cart: {
    heading: "Your cart:",
    line: "{quantity} × {name} — {total}",
    more: "…and {count} more",
    total: "Total: {total}",
    prompt: "Tap below and a person from our team will help you complete your order.",
    empty: "Your cart is empty. Tap below to see our products or to talk to a person.",
    unavailable:
      "Sorry, we can't show that cart here any more; it may have been ordered already. A person can help you.",
  },
  /** "I want to buy …" naming no product we sell: a person helps. */
  purchase: {
    handOff: "Thanks! A person will reply here shortly to help you with your order.",
  },
  catalog: {
    body: "Here is what we have. Tap a product to see the details.",
    button: "See products",
    section: "Products",
    /** List footer ≤ 60. */
    truncated: "Showing {shown} of {count} products",
    empty: "We have no products to show right now. Please check back soon.",
  },
  orders: {
    heading: "Your recent orders:",
    line: "#{number} · {status} · {total} · {date}",
    status: {
      pending: "Awaiting payment",
      paid: "Paid",
      refunded: "Refunded",
      cancelled: "Cancelled",
    },
    none: "You don't have any orders with us yet.",
    /** Button titles ≤ 20. */
    browse: "Browse products",
    mainMenu: "Main menu",
    shipped: "Shipped",
    delivered: "Delivered",
    partlyRefunded: "Partly refunded ({amount})",
    tracking: "Tracking: {url}",
    /** cta_url display text ≤ 20; `payShort` when the total makes it too long. */
    payButton: "Pay {total}",
    payShort: "Pay now",
    payPrompt: "Tap below to pay order #{number}.",
  },
  faq: {
    body: "Choose a question to see the answer.",
    button: "See questions",
    section: "Questions",
    none: "We haven't written any answers yet. Just type your question here.",
  },
  handOff: {
    open: "Thanks! A person will reply here shortly.",
    closedUntil: "Our team is away right now. A person will reply here when we're back ({when}).",
    closed: "Our team is away right now. A person will reply here as soon as we are back.",
    /** When the shopper writes while the conversation waits for a person. */
    waiting: "Thanks for your message. A person will reply here as soon as they can.",
  },
  fallback: {
    notUnderstood: "Sorry, I didn't catch that.",
    image: "Thanks for the photo — a person will look at it.",
    document: "Thanks for the document — a person will look at it.",
    video: "Thanks for the video — a person will look at it.",
    sticker: "Thanks for the sticker!",
    audio: "I can't listen to voice messages; please type your message.",
    location: "Thanks for sharing your location — a person will look at it.",
    contacts: "Thanks for the contact — a person will look at it.",
    unsupported: "Sorry, I can't read that kind of message.",
  },
  catalogOrder: {
    received: "Thanks — we got your cart:",
    line: "{quantity} × {name}",
    unknownItem: "{quantity} × {sku} (not in our catalog)",
  },
  /** The product card's Buy and the quantity question. */
  buy: {
    /** Button title ≤ 20. */
    button: "Buy",
    quantityBody: "How many {name}? Choose below or type a number (1–{max}).",
    /** List button ≤ 20, section title ≤ 24. */
    quantityButton: "Choose quantity",
    quantitySection: "Quantity",
    badQuantity:
      "Sorry, I can take a quantity from 1 to {max} here. For more, a person can help you.",
    notANumber: "Please type the quantity as a number from 1 to {max}, or choose it from the list.",
  },
  checkout: {
    /** Button title ≤ 20. */
    payNow: "Pay now",
    cartPrompt: "Tap Pay now for a secure payment link, or talk to a person.",
    resent: "You already have an unpaid order for this. Here is its payment link again.",
    unavailable:
      "Sorry, paying in the chat isn't available yet. A person can help you complete your order.",
    cartGone: "Sorry, that cart can't be ordered any more. A person can help you.",
    unknownItems: "Not in our catalog, so not included:",
    payRest: "You can pay for the rest below, or talk to a person.",
  },
  consent: {
    /** Asked once, so that reminders and offers only go to shoppers who said yes. */
    question: "Would you like to get order updates and offers from us here on WhatsApp?",
    /** Button titles ≤ 20. */
    yes: "Yes, please",
    no: "No, thanks",
    thanksYes: "Great, we'll keep you posted here. Send STOP at any time to unsubscribe.",
    thanksNo: "No problem, we won't send you updates or offers.",
  },
  optOut: {
    confirmation:
      "You're unsubscribed and won't get any more messages from us. Send START to opt back in.",
  },
  optIn: {
    confirmation: "You're subscribed again. We'll send you order updates and offers here.",
  },
  /** The points programme: joining, "My points", birthday, paying with points. */
  loyalty: {
    /** Menu row: title ≤ 24, description ≤ 72. */
    menuRow: { title: "My points", description: "Your balance, tier and rewards" },
    off: "Our points programme isn't running at the moment.",
    invite:
      "Join {programme}: earn points on every order and use them to pay. You get {bonus} points for joining.",
    inviteNoBonus: "Join {programme}: earn points on every order and use them to pay.",
    /** Button titles ≤ 20. */
    joinButton: "Join",
    notNowButton: "Not now",
    myPointsButton: "My points",
    mainMenuButton: "Main menu",
    birthdayButton: "Add your birthday",
    payFullButton: "Pay full price",
    /** `useButton` when it fits in 20 characters, else `useShort`. */
    useButton: "Use {points} points ({discount})",
    useShort: "Use {points} points",
    welcome: "Welcome to {programme}! {bonus} points are yours as a welcome bonus.",
    welcomeNoBonus: "Welcome to {programme}! You'll earn points on every order.",
    notNow: "No problem. Send “points” any time if you'd like to join.",
    summary: {
      available: "Available: {points} points",
      pending: "Pending: {points} points ({next} become available on {date})",
      pendingAll: "Pending: {points} points (available on {date})",
      tier: "Tier: {tier}",
      nextTier: "Spend {amount} more to reach {tier}.",
      topTier: "You're in our top tier.",
      expiring: "{points} points expire on {date} unless you earn or use points before then.",
      negative:
        "Your balance is below zero because points from a refunded order had already been used. You can use points again once it is above zero.",
      historyHeading: "Recent changes:",
      historyLine: "{date} · {delta} · {reason}",
      historyOrder: "{reason} (#{number})",
      noHistory: "No changes yet.",
      birthday: "Birthday: {date}",
    },
    reasons: {
      signup: "Welcome bonus",
      earn: "Earned on an order",
      redeem: "Used on an order",
      redeem_return: "Returned from an unpaid order",
      reversal: "Refund",
      expire: "Expired",
      birthday: "Birthday bonus",
      tier_reward: "Tier reward",
      first_order: "First order bonus",
      adjust: "Adjusted by the shop",
    },
    birthdayAsk:
      "When is your birthday? Send the month and day, for example 12/24 or 24 Dec. We only keep the month and day.",
    birthdayBad:
      "Sorry, I couldn't read that as a date. Please send the month and day, for example 12/24 or 24 Dec.",
    birthdayNoSuchDay:
      "That day doesn't exist. Please send the month and day again, for example 12/24.",
    birthdaySaved: "Thanks! We've saved your birthday: {date}.",
    birthdaySavedBonus:
      "Thanks! We've saved your birthday: {date}. You'll get {bonus} points in your birthday month.",
    offer:
      "You have {available} points. Use {points} points to take {discount} off order #{number}? You'd pay {total} instead of {fullTotal}.",
    redeemed: "{points} points used: {discount} off. You have {available} points left.",
    changed: "Your points balance has changed since then.",
    alreadyRedeemed: "Points are already applied to this order.",
    notUsable:
      "Points can't be used on this order right now, so here is the link at the full price.",
    notPayable: "Order #{number} is no longer awaiting payment ({status}).",
    notFound: "Sorry, I can't find that order any more.",
  },
};

export type BotMessages = typeof en;
export default en;
