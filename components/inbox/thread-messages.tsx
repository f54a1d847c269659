import { Bot } from "lucide-react";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { authorLabel } from "@/lib/inbox/display";
import { messageStatusWords } from "@/lib/inbox/status-words";
import type { ThreadMessage } from "@/lib/inbox/thread";
import { cn } from "@/lib/utils";
import { MessageBody, MessageNotes } from "./message-details";
import { MessageStatus } from "./message-status";

/** Bubble colours: the bot and the team answer on the same side, so they differ in colour. */
const BUBBLE_COLOURS: Record<ThreadMessage["author"], string> = {
  customer: "rounded-bl-sm bg-muted text-foreground",
  bot: "rounded-br-sm border border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-50",
  agent:
    "rounded-br-sm bg-emerald-100 text-emerald-950 dark:bg-emerald-900/60 dark:text-emerald-50",
  system: "rounded-br-sm bg-muted text-muted-foreground",
  business_app: "rounded-br-sm bg-muted text-foreground",
};

/**
 * The chat as bubbles: the customer's on the left, the store's on the right, where the bot's
 * (blue, with a bot icon) and a person's (green, with their name) look different.
 */
export function ThreadMessages({
  messages,
  hasEarlier,
  customerName,
  currentUserId,
  t,
  formatDate,
}: {
  messages: ThreadMessage[];
  hasEarlier: boolean;
  customerName: string;
  currentUserId: string;
  t: DashboardMessages["inboxView"]["thread"];
  /** A date and time in the member's language and the store's zone. */
  formatDate: (date: Date) => string;
}) {
  if (messages.length === 0) {
    return <p className="py-8 text-center text-sm text-muted-foreground">{t.empty}</p>;
  }
  return (
    // column-reverse keeps the newest message in view without any script.
    <div className="flex max-h-[60vh] flex-col-reverse overflow-y-auto px-6">
      <ol className="grid gap-3 py-2" aria-label={t.label}>
        {hasEarlier ? (
          <li className="text-center text-xs text-muted-foreground">{t.earlier}</li>
        ) : null}
        {messages.map((message) => {
          const outbound = message.direction === "outbound";
          return (
            <li
              key={message.id}
              data-testid="message"
              data-direction={message.direction}
              data-author={message.author}
              className={cn("flex flex-col gap-1", outbound ? "items-end" : "items-start")}
            >
              <span className="flex items-center gap-1 text-xs text-muted-foreground">
                {message.author === "bot" ? <Bot className="size-3.5" aria-hidden /> : null}
                {authorLabel(message, { customerName, currentUserId }, t)} ·{" "}
                <time dateTime={message.createdAt.toISOString()}>
                  {formatDate(message.createdAt)}
                </time>
              </span>
              <div
                className={cn(
                  "max-w-[80%] rounded-2xl px-3 py-2 text-sm whitespace-pre-wrap break-words",
                  BUBBLE_COLOURS[message.author],
                  (message.status === "blocked" || message.status === "failed") && "opacity-70",
                )}
              >
                <MessageBody message={message} />
              </div>
              <MessageNotes message={message} />
              {outbound ? <MessageStatus status={messageStatusWords(message)} /> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
