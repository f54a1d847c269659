/** The analytics pages (Overview sections, reports, export): strings in English (the shape analytics-ja.ts follows). */
const analyticsEn = {
  title: "Reports",
  intro: "Where your chats and sales came from, in {timezone} time, in {currency}.",
  range: {
    label: "Date range",
    presets: {
      "7d": "7 days",
      "30d": "30 days",
      "90d": "90 days",
      mtd: "Month to date",
      custom: "Custom",
    },
    from: "From",
    to: "To",
    apply: "Apply",
    showing: "Showing {range}",
    comparedWith: "compared with {range}",
    invalid:
      "The date range in the address could not be used (a day that does not exist, in the future, or more than two years), so the last 30 days are shown.",
  },
  delta: {
    unchanged: "No change",
    /** Shown as "+¥12,000 (+8.5%)" with an arrow; these words are for screen readers and the tooltip. */
    up: "Up {amount} ({percent}%) on the previous period",
    down: "Down {amount} ({percent}%) on the previous period",
    upFromNothing: "Up {amount}; nothing in the previous period",
    upPoints: "Up {amount} on the previous period",
    downPoints: "Down {amount} on the previous period",
    points: "{n} pts",
  },
  sections: {
    conversions: {
      title: "Conversions",
      description:
        "Each entry point from the click or scan through the chat to the paid order and its revenue.",
    },
    revenue: {
      title: "Revenue over time",
      description: "Net revenue per day (per week over 90 days), stacked by entry point.",
    },
    products: {
      title: "Products",
      description: "Chats started from each product's page or QR code, its orders and revenue.",
    },
    traveller: {
      title: "Traveller journey",
      description:
        "Customers whose first contact was a printed QR code, by the country of their WhatsApp number: what they spent on the day and after they went home.",
    },
    loyalty: {
      title: "Loyalty",
      description: "Members, points issued and spent, what you owe in points, and repeat buying.",
    },
    recovery: {
      title: "Cart recovery",
      description: "Abandoned carts, the reminders sent for them and the orders they won back.",
    },
    messages: {
      title: "Message health",
      description:
        "Whether your WhatsApp messages arrive, why some do not, and how fast chats are answered.",
    },
    definitions: {
      title: "How we count",
      description: "What each figure means, in one place.",
    },
  },
  overview: {
    sectionsTitle: "Reports",
    open: "Open report",
    leader: "Top:",
  },
  tabsLabel: "Report sections",
  chart: {
    showTable: "Show as table",
    empty: "No data in this range.",
  },
  steps: {
    clicks: "Clicks or scans",
    chats: "Chats started",
    orders: "Orders",
    paidOrders: "Paid orders",
  },
  conversions: {
    funnelTitle: "From click to paid order",
    funnelDescription:
      "All entry points together: {clicks} clicks or scans, {chats} chats started, {orders} orders, {paidOrders} paid orders.",
    step: "Step",
    count: "Count",
    rateFromPrevious: "Rate from the step before",
    tableTitle: "By entry point",
    tableDescription: "A row per entry point and per printed QR code. Select a heading to sort.",
    entryPoint: "Entry point",
    revenue: "Net revenue",
    chatRate: "Chats / clicks",
    orderRate: "Orders / chats",
    paidRate: "Paid / orders",
    averageOrder: "Average order",
    qrCode: "QR code: {name}",
    qrCodeDeleted: "QR code (deleted)",
    archived: "{name} (archived)",
    sortedAscending: "sorted ascending",
    sortedDescending: "sorted descending",
    total: "All entry points",
    empty:
      "No clicks, chats or orders in this range. Add the chat widget to your website or print a shop card to start counting.",
  },
  revenue: {
    chartTitle: "Net revenue by entry point",
    chartDescriptionDay:
      "Net revenue of paid orders per day, stacked by entry point; {total} in all.",
    chartDescriptionWeek:
      "Net revenue of paid orders per week (weeks start on Monday), stacked by entry point; {total} in all.",
    period: "Day",
    week: "Week of {day}",
    total: "Total",
    empty: "No paid orders in this range. Revenue appears here once orders are paid.",
  },
  products: {
    product: "Product",
    chats: "Chats started",
    orders: "Orders",
    units: "Units",
    revenue: "Net revenue",
    deleted: "Deleted product",
    empty:
      "No product chats or orders in this range. Add the product button to your product pages or print a product's QR code.",
  },
  traveller: {
    tableTitle: "By the shop card they scanned first",
    qrCode: "QR code",
    country: "Country",
    unknownCountry: "Unknown",
    customers: "Customers",
    returning: "Came back and bought again",
    cohortNote:
      "Travellers are counted by the day of their first scan; their later revenue runs up to today, so an earlier range has had longer to grow.",
    sameDay: "Revenue on the day of the scan",
    later: "Revenue later",
    medianDays: "Median days to first paid order",
    days: "{days} days",
    chartTitle: "On the day vs later",
    chartDescription:
      "For each country, revenue on the day of the first scan beside revenue on later days.",
    empty:
      "No customers came first through a printed QR code in this range. Print a shop card for your counter or shopping bags.",
  },
  loyalty: {
    members: "Members",
    newMembers: "New members",
    pointsIssued: "Points issued",
    pointsRedeemed: "Points redeemed",
    pointsExpired: "Points expired",
    outstanding: "Outstanding points",
    liability: "Value of outstanding points",
    liabilityHelp: "What you owe in points now, at the points' value in your loyalty settings.",
    tiersTitle: "Members by tier",
    tier: "Tier",
    noTier: "No tier",
    comparisonTitle: "Members and other customers",
    group: "Customers",
    customers: "Paying customers",
    memberGroup: "Members",
    nonMemberGroup: "Not members",
    revenue: "Net revenue",
    repeatRate: "Repeat-purchase rate",
    empty: "Loyalty is off. Switch it on in Loyalty to reward customers who come back.",
    openLoyalty: "Open Loyalty",
  },
  recovery: {
    abandonedCarts: "Abandoned carts",
    abandonedValue: "Value of abandoned carts",
    remindersSent: "Reminders sent",
    remindersDelivered: "Delivered",
    remindersRead: "Read",
    recoveredCarts: "Recovered carts",
    recoveredRevenue: "Recovered revenue",
    recoveryRate: "Recovery rate",
    failed: "Failed",
    skipped: "Skipped",
    noSkips: "No reminder was skipped in this range.",
    skippedTitle: "Reminders skipped, by reason",
    reason: "Reason",
    count: "Count",
    stepsTitle: "By step",
    step: "Step {step}",
    empty:
      "No abandoned carts in this range. Switch on cart recovery so a reminder goes to customers who leave a cart.",
    openRecovery: "Open Recovery",
  },
  messages: {
    outbound: "Messages sent by you",
    sent: "Reached WhatsApp",
    delivered: "Delivered",
    read: "Read",
    failed: "Failed",
    blocked: "Not sent (rules)",
    status: "Status",
    count: "Messages",
    share: "Share",
    outboundTitle: "What happened to your messages",
    outboundDescription:
      "{outbound} messages written by the bot, agents and the store: {delivered} delivered, {read} read, {failed} failed, {blocked} not sent.",
    reasonsTitle: "Failures and blocks, by reason",
    noProblems: "No message failed or was held back in this range.",
    reason: "Reason",
    conversations: "Conversations",
    affected: "Affected conversations",
    openConversation: "Conversation {n}",
    problem: {
      failed: "Not delivered: {reason}",
      blocked: "Not sent: {reason}",
      withCode: "WhatsApp refused it (error {code}).",
      withoutCode: "WhatsApp refused it.",
      blockedNoReason: "the sending rules did not allow it.",
    },
    firstReplyTitle: "Time to the first reply",
    who: "Who answered",
    median: "Median",
    replied: "Chats answered",
    firstReplyBot: "Bot",
    firstReplyAgent: "Agents, for handed-off chats",
    noReplies: "No replies yet",
    waitingNow: "Waiting for an agent's reply now",
    withAgentNowCount: "Handed to a person now: {n}.",
    waitingNowCount: "Waiting for their reply: {n}.",
    openInbox: "Open the inbox",
    empty: "No messages were sent in this range. Connect WhatsApp in Settings to start chatting.",
    connect: "Open Settings",
  },
  duration: {
    seconds: "{n} s",
    minutes: "{n} min",
    hours: "{n} h",
    days: "{n} days",
  },
  export: {
    title: "Download",
    orders: "Orders (CSV)",
    conversions: "Conversions by day (CSV)",
    help: "For the selected range, in {timezone} time. Opens in Excel.",
  },
  definitions: {
    intro:
      "Every report counts the same orders, chats and clicks in the same way, by calendar day in your store's time zone ({timezone}), in your store's currency.",
    items: {
      range: {
        term: "Date range and comparison",
        text: "Whole calendar days in your store's time zone, both ends included. Each figure is compared with the same number of days just before.",
      },
      entryPoint: {
        term: "Entry point",
        text: "Where a shopper came from: the website widget, a product button, a product page's QR code, a printed QR code (a row for each code, by its name), the cart, a link or a WhatsApp ad.",
      },
      unattributed: {
        term: "Unattributed",
        text: "A chat or order we cannot trace to an entry point (for example, a customer who typed your number). It is shown as its own row, never spread over the others.",
      },
      clicks: {
        term: "Clicks or scans",
        text: "Taps on the widget or a product button, and scans of a QR code, in the range.",
      },
      chatStarted: {
        term: "Chat started",
        text: "A conversation that began in the range, counted for the entry point it came from.",
      },
      order: {
        term: "Order",
        text: "An order created in the range, whatever its status, counted for the entry point of its chat.",
      },
      conversion: {
        term: "Conversion rates",
        text: "Chats / clicks, orders / chats and paid orders / orders. No rate is shown when there is nothing to divide by.",
      },
      paidOrder: {
        term: "Paid order",
        text: "An order paid in the range (including orders refunded later: they were paid).",
      },
      netRevenue: {
        term: "Net revenue",
        text: "The totals of paid orders minus what was refunded on them. A refund lowers the revenue of the period in which its order was paid, in every report.",
      },
      averageOrder: {
        term: "Average order value",
        text: "Net revenue divided by paid orders.",
      },
      recovered: {
        term: "Recovered order",
        text: "An order paid after a cart-recovery reminder was delivered, within the attribution window; it is credited to the last step delivered before payment.",
      },
      views: {
        term: "One set of orders, several views",
        text: "A recovered order counts once in recovered revenue and once in the revenue of its entry point. The reports are different views of the same orders, so their figures are not meant to be added together.",
      },
      country: {
        term: "Customer country",
        text: "Read from the country code of the customer's WhatsApp number; unknown when it cannot be read.",
      },
      liability: {
        term: "Outstanding points",
        text: "Points customers hold and can still spend or will be able to, valued at your loyalty settings.",
      },
    },
  },
};

export default analyticsEn;
