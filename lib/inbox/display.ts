import type { ConversationStatus, Message } from "@/db/schema";
import dashboardEnglish from "@/lib/dashboard-i18n/messages/en";

// English words live in the dashboard dictionary; pages in another language use theirs.
const SOURCE_LABELS: Record<string, string> = dashboardEnglish.sources;

/** "some_thing" → "Some thing": an unknown identifier still reads as words. */
function humanize(identifier: string): string {
  const words = identifier.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The entry point in words; unattributed chats say so (DESIGN §4.7). */
export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? humanize(source);
}

const ORDER_STATUS_LABELS: Record<string, string> = dashboardEnglish.orderStatus;

/** An order's status in words ("Paid"), never the enum value. */
export function orderStatusLabel(status: string): string {
  return ORDER_STATUS_LABELS[status] ?? humanize(status);
}

export const STATUS_LABELS: Record<ConversationStatus, string> = dashboardEnglish.inboxView.status;

type ThreadWords = typeof dashboardEnglish.inboxView.thread;

/** The name, else the username, else the number; a username-only customer has no number. */
export function customerLabel(
  customer: {
    name: string | null;
    phone: string | null;
    username?: string | null;
  },
  /** The words for a customer with none of these, in the member's language. */
  fallback = dashboardEnglish.inboxView.whatsappUser,
): string {
  return (
    customer.name?.trim() ||
    (customer.username ? `@${customer.username}` : null) ||
    customer.phone ||
    fallback
  );
}

/** A team member's name, else the part of their email before the @. */
export function agentDisplayName(user: { name: string | null; email: string }): string {
  return user.name?.trim() || user.email.split("@")[0] || user.email;
}

/** Who wrote a message, as the inbox shows it above the bubble. */
export function authorLabel(
  message: Pick<Message, "author" | "agentUserId" | "direction"> & { agentName?: string | null },
  context: { customerName: string; currentUserId: string },
  words: ThreadWords = dashboardEnglish.inboxView.thread,
): string {
  switch (message.author) {
    case "customer":
      return context.customerName;
    case "bot":
      return words.bot;
    case "agent":
      return message.agentUserId === context.currentUserId
        ? words.youSuffix.replace("{name}", message.agentName ?? words.you)
        : (message.agentName ?? words.agent);
    case "system":
      // Inbound notices come from WhatsApp itself (a changed number); outbound ones from us.
      return message.direction === "inbound" ? "WhatsApp" : "Chatcart";
    case "business_app":
      return words.businessApp;
  }
}

/** "3 h 12 min", "12 min", "45 s": how long until the 24-hour window closes. */
export function formatRemaining(
  milliseconds: number,
  words: Pick<
    typeof dashboardEnglish.inboxView.window,
    "hours" | "minutes" | "seconds"
  > = dashboardEnglish.inboxView.window,
): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const say = (template: string) =>
    template
      .replace("{hours}", String(hours))
      .replace("{minutes}", String(minutes))
      .replace("{seconds}", String(seconds));
  if (hours > 0) return say(words.hours);
  if (minutes > 0) return say(words.minutes);
  return say(words.seconds);
}

/** List times: the time for today's messages, the date for older ones (in the store's zone). */
export function formatListTime(date: Date, now: Date, timeZone: string, language = "en"): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" });
  if (day.format(date) === day.format(now)) {
    return new Intl.DateTimeFormat(language, { timeZone, timeStyle: "short" }).format(date);
  }
  return new Intl.DateTimeFormat(language, { timeZone, month: "short", day: "numeric" }).format(
    date,
  );
}
