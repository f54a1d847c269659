import { randomUUID } from "node:crypto";
import type { ReactNode } from "react";
import Link from "next/link";
import { Hand } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { customerLabel, sourceLabel, STATUS_LABELS } from "@/lib/inbox/display";
import type { QuickReplyOption, TemplateOption } from "@/lib/inbox/snippets";
import type { Thread } from "@/lib/inbox/thread";
import { ConversationActions } from "./conversation-actions";
import { LabelsEditor } from "./labels-editor";
import { ReplyComposer } from "./reply-composer";
import { TemplateComposer } from "./template-composer";
import { ThreadMessages } from "./thread-messages";
import { WindowCountdown } from "./window-countdown";

function consentWords(customer: Thread["customer"]): string {
  const { optedInAt, optedOutAt } = customer;
  if (optedOutAt && (!optedInAt || optedInAt < optedOutAt))
    return "Opted out (STOP): replies only.";
  if (optedInAt) return "Opted in to messages from the store.";
  return "Not opted in: outside the 24-hour window nothing can be sent.";
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
}) {
  const { conversation, customer } = thread;
  const when = new Intl.DateTimeFormat("en", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timezone,
  });
  const closed = conversation.status === "closed";
  const disabledReason = closed
    ? "This conversation is closed."
    : windowEndsAt === null
      ? "The 24-hour window is closed: send a template instead."
      : null;
  const name = customerLabel(customer);
  return (
    <div className="@container grid max-w-6xl gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid gap-1">
          <Link href="/dashboard/inbox" className="text-sm text-muted-foreground hover:underline">
            ← Inbox
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            {customer.phone}
            <Badge variant="outline">{sourceLabel(conversation.source)}</Badge>
            <Badge
              variant={closed ? "outline" : conversation.status === "agent" ? "warning" : "info"}
            >
              {STATUS_LABELS[conversation.status]}
            </Badge>
          </p>
        </div>
        <ConversationActions conversationId={conversation.id} status={conversation.status} />
      </div>
      {conversation.status === "agent" ? (
        <div
          role="status"
          data-testid="waiting-banner"
          className="flex items-center gap-2 rounded-lg border border-amber-500/40 bg-amber-500/10 px-4 py-3 text-sm text-amber-900 dark:text-amber-200"
        >
          <Hand className="size-4" aria-hidden />
          Waiting for you: the bot stays silent in this chat until you hand it back.
        </div>
      ) : null}
      {closed && conversation.closedAt ? (
        <p className="text-sm text-muted-foreground">
          Closed {when.format(conversation.closedAt)}. The customer&apos;s next message opens a new
          conversation.
        </p>
      ) : null}
      <div className="grid items-start gap-6 @2xl:grid-cols-[minmax(0,1fr)_18rem]">
        <Card className="gap-0 py-0">
          <ThreadMessages
            messages={thread.messages}
            hasEarlier={thread.hasEarlier}
            customerName={name}
            currentUserId={currentUserId}
            timezone={timezone}
          />
          <CardContent className="grid gap-4 border-t py-4">
            {closed ? null : (
              <WindowCountdown
                endsAt={windowEndsAt?.toISOString() ?? null}
                endsAtLabel={windowEndsAt ? when.format(windowEndsAt) : null}
              />
            )}
            {paymentLink}
            <ReplyComposer
              conversationId={conversation.id}
              initialClientKey={randomUUID()}
              quickReplies={quickReplies}
              disabledReason={disabledReason}
            />
            <details open={!closed && windowEndsAt === null} className="grid gap-3">
              <summary className="cursor-pointer text-sm font-medium">
                Send an approved template
              </summary>
              <div className="pt-3">
                <TemplateComposer
                  conversationId={conversation.id}
                  initialClientKey={randomUUID()}
                  templates={templates}
                  disabled={closed}
                />
              </div>
            </details>
          </CardContent>
        </Card>
        <div className="grid gap-6">
          {cartPanel}
          <Card>
            <CardHeader>
              <CardTitle>Labels</CardTitle>
            </CardHeader>
            <CardContent>
              <LabelsEditor conversationId={conversation.id} labels={conversation.labels} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Customer</CardTitle>
              <CardDescription>{consentWords(customer)}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-1 text-sm text-muted-foreground">
              <p>Chat started {when.format(conversation.createdAt)}</p>
              <p>
                Last message from them:{" "}
                {customer.lastInboundAt ? when.format(customer.lastInboundAt) : "never"}
              </p>
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
