"use client";

import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { Clock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { formatRemaining } from "@/lib/inbox/display";
import { cn } from "@/lib/utils";
import { useNow } from "./use-now";

/**
 * The 24-hour customer service window, counting down in the browser from `endsAt`
 * (ISO). When it closes the page refreshes, so the reply box turns into templates.
 */
export function WindowCountdown({
  endsAt,
  endsAtLabel,
  t,
}: {
  endsAt: string | null;
  endsAtLabel: string | null;
  t: DashboardMessages["inboxView"]["window"];
}) {
  const router = useRouter();
  const now = useNow();
  const end = endsAt ? Date.parse(endsAt) : null;
  const remaining = end !== null && now !== null ? end - now : null;
  const expired = remaining !== null && remaining <= 0;
  useEffect(() => {
    if (expired) router.refresh();
  }, [expired, router]);

  if (end === null || expired) {
    return (
      <p
        className="flex items-center gap-2 text-sm text-muted-foreground"
        data-testid="window-state"
      >
        <Clock className="size-4" aria-hidden />
        {t.closed}
      </p>
    );
  }
  const soon = remaining !== null && remaining < 60 * 60 * 1000;
  return (
    <p
      className={cn(
        "flex items-center gap-2 text-sm",
        soon ? "text-amber-700 dark:text-amber-300" : "text-muted-foreground",
      )}
      data-testid="window-state"
    >
      <Clock className="size-4" aria-hidden />
      {remaining === null
        ? formatMessage(t.until, { date: endsAtLabel ?? t.untilClose })
        : formatMessage(t.remaining, {
            remaining: formatRemaining(remaining, t),
            date: endsAtLabel ?? "",
          })}
    </p>
  );
}
