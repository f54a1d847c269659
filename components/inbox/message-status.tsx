import { Ban, Check, CheckCheck, CircleAlert, Clock, type LucideIcon } from "lucide-react";
import type { StatusIcon, StatusWords } from "@/lib/inbox/status-words";
import { cn } from "@/lib/utils";

const ICONS: Record<StatusIcon, LucideIcon> = {
  clock: Clock,
  check: Check,
  "check-check": CheckCheck,
  alert: CircleAlert,
  ban: Ban,
};

const TONES: Record<StatusWords["tone"], string> = {
  muted: "text-muted-foreground",
  read: "text-sky-600 dark:text-sky-400",
  error: "text-destructive",
};

/** ✓ sent, ✓✓ delivered, blue ✓✓ read, and a failed or blocked message's reason in words. */
export function MessageStatus({ status }: { status: StatusWords }) {
  const Icon = status.icon ? ICONS[status.icon] : null;
  return (
    <span
      className={cn("inline-flex items-start gap-1 text-xs", TONES[status.tone])}
      data-testid="message-status"
    >
      {Icon ? <Icon className="mt-px size-3.5 shrink-0" aria-hidden /> : null}
      <span>{status.words}</span>
    </span>
  );
}
