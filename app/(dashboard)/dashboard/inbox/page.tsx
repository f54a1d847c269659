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
import { conversationCounts, listConversations, listLabels } from "@/lib/inbox/conversations";
import { inboxSearchSchema } from "@/lib/inbox/filters";

export const metadata: Metadata = { title: "Inbox" };

const EMPTY_MESSAGES = {
  waiting: "Nobody is waiting for you. Chats the bot hands to a person show up here.",
  bot: "No conversations with the bot right now.",
  closed: "No closed conversations.",
  all: "No conversations yet. They start when a shopper writes to your WhatsApp number.",
};

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store } = await requireMember();
  const search = inboxSearchSchema.parse(await searchParams);
  const { filter, label } = search;
  const [conversations, counts, labels] = await Promise.all([
    listConversations(db, store.id, { filter, label }),
    conversationCounts(db, store.id, { label }),
    listLabels(db, store.id),
  ]);
  return (
    <div className="grid max-w-6xl gap-6">
      <AutoRefresh />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
          <p className="text-sm text-muted-foreground">
            WhatsApp chats with {store.name}. The bot answers first; chats it hands to a person wait
            for you here.
          </p>
        </div>
        <Button asChild variant="outline" size="sm">
          <Link href="/dashboard/inbox/failed">
            <TriangleAlert aria-hidden />
            Failed webhook events
          </Link>
        </Button>
      </div>
      <div className="grid gap-3">
        <InboxFilterTabs current={filter} label={label} counts={counts} />
        <LabelFilter filter={filter} current={label} labels={labels} />
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
              />
            ) : (
              <p className="py-8 text-center text-sm text-muted-foreground">
                {label ? `No conversations labelled “${label}” here.` : EMPTY_MESSAGES[filter]}
              </p>
            )}
          </CardContent>
        </Card>
        <NoConversationChosen />
      </div>
    </div>
  );
}
