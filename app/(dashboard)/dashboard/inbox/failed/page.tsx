import type { Metadata } from "next";
import Link from "next/link";
import { FailedEventsTable } from "@/components/inbox/failed-events-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { FAILED_EVENTS_LIMIT, listFailedWebhookEvents } from "@/lib/inbox/failed-events";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDashboardStrings()).t.inboxView.failed.title };
}

export default async function FailedWebhookEventsPage() {
  const { db, store } = await requireMember();
  const events = await listFailedWebhookEvents(db, store.id);
  const strings = await getDashboardStrings();
  const t = strings.t.inboxView.failed;
  return (
    <div className="grid max-w-5xl gap-6">
      <div className="grid gap-1">
        <Link href="/dashboard/inbox" className="text-sm text-muted-foreground hover:underline">
          {strings.t.inboxView.back}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
        <p className="text-sm text-muted-foreground">
          {formatMessage(t.intro, { limit: FAILED_EVENTS_LIMIT })}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t.notApplied}</CardTitle>
          <CardDescription>{t.notAppliedHelp}</CardDescription>
        </CardHeader>
        <CardContent>
          {events.length > 0 ? (
            <FailedEventsTable
              events={events}
              t={t}
              formatDate={(date) => strings.format.dateTime(date, store.timezone)}
            />
          ) : (
            <p className="py-8 text-center text-sm text-muted-foreground">{t.empty}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
