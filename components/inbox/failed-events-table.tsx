import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { FailedWebhookEvent } from "@/lib/inbox/failed-events";
import { RetryEventButton } from "./retry-event-button";

/** Webhook events that were stored but could not be applied, with the error and retry state. */
export function FailedEventsTable({
  events,
  t,
  formatDate,
}: {
  events: FailedWebhookEvent[];
  t: DashboardMessages["inboxView"]["failed"];
  /** A date and time in the member's language and the store's time zone. */
  formatDate: (date: Date) => string;
}) {
  const when = { format: formatDate };
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t.received}</TableHead>
          <TableHead>{t.event}</TableHead>
          <TableHead>{t.error}</TableHead>
          <TableHead className="text-right">{t.attempts}</TableHead>
          <TableHead>{t.nextAttempt}</TableHead>
          <TableHead>
            <span className="sr-only">{t.retry}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.id} data-testid="failed-event-row" className="align-top">
            <TableCell className="whitespace-nowrap">{when.format(event.receivedAt)}</TableCell>
            <TableCell className="max-w-64">
              <div className="flex items-center gap-2">
                <Badge variant="outline">{event.provider}</Badge>
                <span className="font-medium">{event.kind}</span>
              </div>
              <p
                className="truncate font-mono text-xs text-muted-foreground"
                title={event.payloadPreview}
              >
                {event.externalId}
              </p>
            </TableCell>
            <TableCell className="max-w-96 text-sm whitespace-normal break-words text-destructive">
              {event.error}
            </TableCell>
            <TableCell className="text-right tabular-nums">{event.attempts}</TableCell>
            <TableCell className="whitespace-nowrap">
              {event.nextAttemptAt ? when.format(event.nextAttemptAt) : t.givenUp}
            </TableCell>
            <TableCell>
              <RetryEventButton eventId={event.id} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
