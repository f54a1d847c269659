import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { ThreadMessage } from "@/lib/simulator/thread";
import { cn } from "@/lib/utils";
import { WhatsappText } from "@/components/inbox/whatsapp-text";
import { BUBBLE, SHOPPER_BUBBLE, STORE_BUBBLE } from "./bubble-styles";
import { MessageStatus } from "./message-status";
import { OutgoingContentView } from "./outgoing-content";

/** One message of the simulated chat: the shopper's on the right, the store's on the left. */
export function MessageBubble({
  message,
  profileName,
  timeFormat,
  t,
}: {
  message: ThreadMessage;
  profileName: string;
  timeFormat: Intl.DateTimeFormat;
  t: Pick<DashboardMessages["simulator"], "authors" | "statuses">;
}) {
  const mine = message.direction === "inbound";
  return (
    <li
      data-testid="simulator-message"
      data-direction={message.direction}
      data-author={message.author}
      className={cn("flex", mine ? "justify-end" : "justify-start")}
    >
      <div className={cn(BUBBLE, mine ? SHOPPER_BUBBLE : STORE_BUBBLE)}>
        {mine ? null : (
          <p className="px-3 pt-1.5 text-[11px] font-medium text-emerald-700 dark:text-emerald-400">
            {t.authors[message.author]}
          </p>
        )}
        {message.content ? (
          <OutgoingContentView content={message.content} profileName={profileName} />
        ) : (
          <p className="px-3 py-2 text-sm break-words whitespace-pre-line">
            <WhatsappText text={message.body} />
          </p>
        )}
        <div className="flex items-center justify-end gap-2 px-3 pb-1.5">
          <time
            className="text-[11px] text-muted-foreground"
            dateTime={message.createdAt.toISOString()}
          >
            {timeFormat.format(message.createdAt)}
          </time>
          {mine ? null : (
            <MessageStatus
              status={message.status}
              reason={message.errorReason}
              labels={t.statuses}
            />
          )}
        </div>
      </div>
    </li>
  );
}
