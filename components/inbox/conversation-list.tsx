import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { type DashboardMessages, formatMessage, wordFor } from "@/lib/dashboard-i18n/messages";
import type { ConversationListItem } from "@/lib/inbox/conversations";
import { customerLabel, formatListTime, sourceLabel } from "@/lib/inbox/display";
import { conversationHref, type InboxSearch } from "@/lib/inbox/filters";
import { cn } from "@/lib/utils";
import { plainText } from "@/lib/whatsapp/text-format";

const STATUS_VARIANTS = { agent: "warning", bot: "info", closed: "outline" } as const;

type Words = DashboardMessages["inboxView"];

function preview(item: ConversationListItem, t: Words): string {
  const last = item.lastMessage;
  if (!last) return t.noMessages;
  const prefix =
    last.direction === "outbound" ? (last.author === "bot" ? t.botPrefix : t.youPrefix) : "";
  return `${prefix}${plainText(last.body) || t.messageFallback}`;
}

/** The conversations, newest activity first; unread ones stand out. */
export function ConversationList({
  conversations,
  timezone,
  now,
  search,
  activeId,
  t,
  language,
  sources,
}: {
  conversations: ConversationListItem[];
  timezone: string;
  now: Date;
  /** The list's filter and label, kept in each conversation's link. */
  search: InboxSearch;
  /** The conversation open beside the list (split view). */
  activeId?: string;
  t: Words;
  language: string;
  sources: Record<string, string>;
}) {
  return (
    <ul className="divide-y" aria-label={t.listLabel}>
      {conversations.map((item) => {
        const unread = item.unreadCount > 0;
        return (
          <li key={item.id} data-testid="conversation-row">
            <Link
              href={conversationHref(item.id, search.filter, search.label)}
              aria-current={item.id === activeId ? "page" : undefined}
              className="grid gap-1 px-2 py-3 transition-colors hover:bg-accent/50 aria-[current=page]:bg-accent sm:px-4"
            >
              <div className="flex items-center gap-2">
                <span className={cn("truncate", unread ? "font-semibold" : "font-medium")}>
                  {customerLabel(item.customer, t.whatsappUser)}
                </span>
                {item.customer.name ? (
                  <span className="hidden truncate text-xs text-muted-foreground sm:inline">
                    {item.customer.phone}
                  </span>
                ) : null}
                <span className="ml-auto shrink-0 text-xs text-muted-foreground tabular-nums">
                  {formatListTime(
                    item.lastMessage?.createdAt ?? item.lastMessageAt,
                    now,
                    timezone,
                    language,
                  )}
                </span>
                {unread ? (
                  <span
                    className="rounded-full bg-primary px-1.5 text-xs text-primary-foreground tabular-nums"
                    aria-label={formatMessage(t.unread, { count: item.unreadCount })}
                    data-testid="unread-badge"
                  >
                    {item.unreadCount}
                  </span>
                ) : null}
              </div>
              <p
                className={cn(
                  "truncate text-sm",
                  unread ? "text-foreground" : "text-muted-foreground",
                )}
              >
                {preview(item, t)}
              </p>
              <div className="flex flex-wrap items-center gap-1.5">
                <Badge variant={STATUS_VARIANTS[item.status]}>{t.status[item.status]}</Badge>
                <Badge variant="outline">
                  {wordFor(sources, item.source, sourceLabel(item.source))}
                </Badge>
                {item.labels.map((label) => (
                  <Badge key={label} variant="secondary">
                    {label}
                  </Badge>
                ))}
              </div>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
