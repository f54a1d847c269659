import { MessagesSquare } from "lucide-react";

/**
 * The inbox on a wide screen: the conversation list on the left, the open thread on the
 * right (like WhatsApp Business). Below `xl` only the main pane shows, so a phone keeps the
 * list and the thread as two pages.
 */
export function InboxSplit({
  list,
  listLabel,
  children,
}: {
  list: React.ReactNode;
  /** "Conversation list", in the member's language. */
  listLabel: string;
  children: React.ReactNode;
}) {
  return (
    <div className="grid gap-6 xl:grid-cols-[20rem_minmax(0,1fr)]" data-testid="inbox-split">
      <aside aria-label={listLabel} className="hidden xl:block" data-testid="inbox-split-list">
        <div className="sticky top-4 max-h-[calc(100svh-6rem)] overflow-y-auto rounded-xl border bg-card py-1">
          {list}
        </div>
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}

/** The right-hand pane before a conversation is chosen (wide screens only). */
export function NoConversationChosen({ words }: { words: string }) {
  return (
    <div
      className="sticky top-4 hidden min-h-64 flex-col items-center justify-center gap-2 rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground xl:flex"
      data-testid="inbox-no-conversation"
    >
      <MessagesSquare className="size-8" aria-hidden />
      {words}
    </div>
  );
}
