import { randomUUID } from "node:crypto";
import type { ReactNode } from "react";
import Link from "next/link";
import { Hand } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatMessage, wordFor } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { customerLabel, sourceLabel } from "@/lib/inbox/display";
import type { QuickReplyOption, TemplateOption } from "@/lib/inbox/snippets";
import type { Thread } from "@/lib/inbox/thread";
import { ConversationActions } from "./conversation-actions";
import { LabelsEditor } from "./labels-editor";
import { ReplyComposer } from "./reply-composer";
import { TemplateComposer } from "./template-composer";
import { ThreadMessages } from "./thread-messages";
import { WindowCountdown } from "./window-countdown";

function consentWords(
  customer: Thread["customer"],
  words: DashboardStrings["t"]["inboxView"]["consent"],
): string {
  const { optedInAt, optedOutAt } = customer;
  if (optedOutAt && (!optedInAt || optedInAt < optedOutAt)) return words.optedOut;
  if (optedInAt) return words.optedIn;
  return words.none;
}

/** One conversation: messages, the reply box (or templates outside the window), labels. */
export function ConversationView({
  thread,
  windowEndsAt,
  quickReplies,
  templates,
  currentUserId,
  timezone,
  cartPanel,
  paymentLink,
  strings,
}: {
  thread: Thread;
  windowEndsAt: Date | null;
  quickReplies: QuickReplyOption[];
  templates: TemplateOption[];
  currentUserId: string;
  timezone: string;
  /** The customer's storefront cart (components/inbox/cart-panel.tsx), beside the chat. */
  cartPanel?: ReactNode;
  /** The *Send payment link* picker (components/inbox/send-payment-link.tsx). */
  paymentLink?: ReactNode;
  /** The member's words and formats (lib/dashboard-i18n/server.ts). */
  strings: DashboardStrings;
}) {
  const { conversation, customer } = thread;
  const t = strings.t.inboxView;
  const when = { format: (date: Date) => strings.format.dateTime(date, timezone) };
  const closed = conversation.status === "closed";
  const disabledReason = closed
    ? t.closedReason
    : windowEndsAt === null
      ? t.windowClosedReason
      : null;
  const name = customerLabel(customer, t.whatsappUser);
  return (
    <div className="@container grid max-w-6xl gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid gap-1">
          <Link href="/dashboard/inbox" className="text-sm text-muted-foreground hover:underline">
            {t.back}
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            {customer.phone}
            <Badge variant="outline">
              {wordFor(strings.t.sources, conversation.source, sourceLabel(conversation.source))}
            </Badge>
            <Badge
              variant={closed ? "outline" : conversation.status === "agent" ? "warning" : "info"}
            >
              {t.status[conversation.status]}
            </Badge>
          </p>
        </div>
        <ConversationActions
          conversationId={conversation.id}
          status={conversation.status}
          t={t.actions}
        />
      </div>
      {conversation.status === "agent" ? (
        <div
          role="status"
          data-testid="waiting-banner"
          className="flex items-center gap-2 rounded-lg border border-amber-500/40 bg-amber-500/10 px-4 py-3 text-sm text-amber-900 dark:text-amber-200"
        >
          <Hand className="size-4" aria-hidden />
          {t.waitingBanner}
        </div>
      ) : null}
      {closed && conversation.closedAt ? (
        <p className="text-sm text-muted-foreground">
          {formatMessage(t.closedNote, { date: when.format(conversation.closedAt) })}
        </p>
      ) : null}
      <div className="grid items-start gap-6 @2xl:grid-cols-[minmax(0,1fr)_18rem]">
        <Card className="gap-0 py-0">
          <ThreadMessages
            messages={thread.messages}
            hasEarlier={thread.hasEarlier}
            customerName={name}
            currentUserId={currentUserId}
            t={t.thread}
            formatDate={when.format}
          />
          <CardContent className="grid gap-4 border-t py-4">
            {closed ? null : (
              <WindowCountdown
                endsAt={windowEndsAt?.toISOString() ?? null}
                endsAtLabel={windowEndsAt ? when.format(windowEndsAt) : null}
                t={t.window}
              />
            )}
            {paymentLink}
            <ReplyComposer
              conversationId={conversation.id}
              initialClientKey={randomUUID()}
              quickReplies={quickReplies}
              disabledReason={disabledReason}
              t={t.composer}
            />
            <details open={!closed && windowEndsAt === null} className="grid gap-3">
              <summary className="cursor-pointer text-sm font-medium">{t.sendTemplate}</summary>
              <div className="pt-3">
                <TemplateComposer
                  conversationId={conversation.id}
                  initialClientKey={randomUUID()}
                  templates={templates}
                  disabled={closed}
                  t={t.templateComposer}
                />
              </div>
            </details>
          </CardContent>
        </Card>
        <div className="grid gap-6">
          {cartPanel}
          <Card>
            <CardHeader>
              <CardTitle>{t.labels}</CardTitle>
            </CardHeader>
            <CardContent>
              <LabelsEditor
                conversationId={conversation.id}
                labels={conversation.labels}
                label={t.labels}
                t={t.labelsEditor}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t.customer}</CardTitle>
              <CardDescription>{consentWords(customer, t.consent)}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-1 text-sm text-muted-foreground">
              <p>{formatMessage(t.chatStarted, { date: when.format(conversation.createdAt) })}</p>
              <p>
                {formatMessage(t.lastFromThem, {
                  date: customer.lastInboundAt ? when.format(customer.lastInboundAt) : t.never,
                })}
              </p>
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
