import Link from "next/link";
import { Tag, X } from "lucide-react";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import type { ConversationCounts } from "@/lib/inbox/conversations";
import { INBOX_FILTERS, type InboxFilter, inboxHref } from "@/lib/inbox/filters";
import { cn } from "@/lib/utils";

/** Filter tabs as links (the filter lives in the URL), each with its count and unread total. */
export function InboxFilterTabs({
  current,
  label,
  counts,
  t,
}: {
  current: InboxFilter;
  label: string | undefined;
  counts: ConversationCounts;
  t: DashboardMessages["inboxView"];
}) {
  return (
    <nav
      aria-label={t.filtersLabel}
      className="inline-flex w-fit flex-wrap rounded-lg bg-muted p-1 text-sm"
    >
      {INBOX_FILTERS.map((filter) => (
        <Link
          key={filter}
          href={inboxHref(filter, label)}
          aria-current={filter === current ? "page" : undefined}
          data-testid={`filter-${filter}`}
          className={cn(
            "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 font-medium text-muted-foreground transition-colors hover:text-foreground",
            filter === current && "bg-background text-foreground shadow-sm",
          )}
        >
          {t.filters[filter]}
          <span className="tabular-nums">({counts[filter].conversations})</span>
          {counts[filter].unread > 0 && filter !== "closed" ? (
            <span
              className="rounded-full bg-primary px-1.5 text-xs text-primary-foreground tabular-nums"
              aria-label={formatMessage(t.unread, { count: counts[filter].unread })}
            >
              {counts[filter].unread}
            </span>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}

/** The labels in use, as links that narrow the list; the current one can be cleared. */
export function LabelFilter({
  filter,
  current,
  labels,
  t,
}: {
  filter: InboxFilter;
  current: string | undefined;
  labels: string[];
  t: DashboardMessages["inboxView"];
}) {
  if (labels.length === 0 && !current) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-label={t.labelsLabel}>
      <Tag className="size-4 text-muted-foreground" aria-hidden />
      {labels.map((label) => (
        <Link
          key={label}
          href={inboxHref(filter, label === current ? undefined : label)}
          aria-current={label === current ? "page" : undefined}
          className={cn(
            "rounded-full border px-2.5 py-0.5 text-xs hover:bg-accent",
            label === current &&
              "border-primary bg-primary text-primary-foreground hover:bg-primary/90",
          )}
        >
          {label}
        </Link>
      ))}
      {current ? (
        <Link
          href={inboxHref(filter)}
          className="inline-flex items-center gap-1 text-xs text-muted-foreground hover:underline"
        >
          <X className="size-3" aria-hidden />
          {formatMessage(t.clearLabel, { label: current })}
        </Link>
      ) : null}
    </div>
  );
}
