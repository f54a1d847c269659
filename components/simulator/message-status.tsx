import { Check, CheckCheck, Clock, TriangleAlert } from "lucide-react";
import type { MessageStatus as Status } from "@/db/schema";
import { cn } from "@/lib/utils";

/** WhatsApp's ticks, with the status in words (one tick sent, two delivered, blue read). */
export function MessageStatus({
  status,
  reason,
  labels,
}: {
  status: Status;
  reason: string | null;
  /** The statuses in the member's language (t.simulator.statuses). */
  labels: Record<Status, string>;
}) {
  const Icon =
    status === "queued"
      ? Clock
      : status === "sent"
        ? Check
        : status === "delivered" || status === "read"
          ? CheckCheck
          : TriangleAlert;
  const problem = status === "failed" || status === "blocked";
  return (
    <span
      data-testid="message-status"
      data-status={status}
      title={reason ?? undefined}
      className={cn(
        "inline-flex items-center gap-1 text-[11px] text-muted-foreground",
        status === "read" && "text-sky-600 dark:text-sky-400",
        problem && "text-destructive",
      )}
    >
      <Icon className="size-3.5" aria-hidden />
      {labels[status]}
      {problem && reason ? `: ${reason}` : null}
    </span>
  );
}
