import type { Metadata } from "next";
import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { AutoRefresh } from "@/components/inbox/auto-refresh";
import { ConversationList } from "@/components/inbox/conversation-list";
import { InboxFilterTabs, LabelFilter } from "@/components/inbox/inbox-filters";
import { NoConversationChosen } from "@/components/inbox/inbox-split";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { conversationCounts, listConversations, listLabels } from "@/lib/inbox/conversations";
import { inboxSearchSchema } from "@/lib/inbox/filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDashboardStrings()).t.inboxView.title };
}

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store } = await requireMember();
  const search = inboxSearchSchema.parse(await searchParams);
  const { filter, label } = search;
  const [conversations, counts, labels, strings] = await Promise.all([
    listConversations(db, store.id, { filter, label }),
    conversationCounts(db, store.id, { label }),
    listLabels(db, store.id),
    getDashboardStrings(),
  ]);
  const t = strings.t.inboxView;
  return (
    <div className="grid max-w-6xl gap-6">
      <AutoRefresh />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
          <p className="text-sm text-muted-foreground">
            {formatMessage(t.intro, { store: store.name })}
          </p>
        </div>
        <Button asChild variant="outline" size="sm">
          <Link href="/dashboard/inbox/failed">
            <TriangleAlert aria-hidden />
            {t.failedEvents}
          </Link>
        </Button>
      </div>
      <div className="grid gap-3">
        <InboxFilterTabs current={filter} label={label} counts={counts} t={t} />
        <LabelFilter filter={filter} current={label} labels={labels} t={t} />
      </div>
      <div className="grid items-start gap-6 xl:grid-cols-[20rem_minmax(0,1fr)]">
        <Card className="py-2">
          <CardContent className="px-2">
            {conversations.length > 0 ? (
              <ConversationList
                conversations={conversations}
                timezone={store.timezone}
                now={new Date()}
                search={search}
                t={t}
                language={strings.language}
                sources={strings.t.sources}
              />
            ) : (
              <p className="py-8 text-center text-sm text-muted-foreground">
                {label ? formatMessage(t.empty.label, { label }) : t.empty[filter]}
              </p>
            )}
          </CardContent>
        </Card>
        <NoConversationChosen words={t.chooseConversation} />
      </div>
    </div>
  );
}
