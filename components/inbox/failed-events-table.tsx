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
  timezone,
}: {
  events: FailedWebhookEvent[];
  timezone: string;
}) {
  const when = new Intl.DateTimeFormat("en", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timezone,
  });
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Received</TableHead>
          <TableHead>Event</TableHead>
          <TableHead>Error</TableHead>
          <TableHead className="text-right">Attempts</TableHead>
          <TableHead>Next attempt</TableHead>
          <TableHead>
            <span className="sr-only">Retry</span>
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
              {event.nextAttemptAt ? when.format(event.nextAttemptAt) : "Given up"}
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
