import type { Metadata } from "next";
import Link from "next/link";
import { FailedEventsTable } from "@/components/inbox/failed-events-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { FAILED_EVENTS_LIMIT, listFailedWebhookEvents } from "@/lib/inbox/failed-events";

export const metadata: Metadata = { title: "Failed webhook events" };

export default async function FailedWebhookEventsPage() {
  const { db, store } = await requireMember();
  const events = await listFailedWebhookEvents(db, store.id);
  return (
    <div className="grid max-w-5xl gap-6">
      <div className="grid gap-1">
        <Link href="/dashboard/inbox" className="text-sm text-muted-foreground hover:underline">
          ← Inbox
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Failed webhook events</h1>
        <p className="text-sm text-muted-foreground">
          Messages and statuses WhatsApp sent that were stored but could not be applied. They are
          retried automatically until the limit; after a fix, Retry applies one again through
          today&apos;s code. The newest {FAILED_EVENTS_LIMIT} are shown.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Not applied</CardTitle>
          <CardDescription>
            An event that applies on a later retry leaves this list.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {events.length > 0 ? (
            <FailedEventsTable events={events} timezone={store.timezone} />
          ) : (
            <p className="py-8 text-center text-sm text-muted-foreground">
              No failed events. Everything WhatsApp sent was applied.
            </p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
