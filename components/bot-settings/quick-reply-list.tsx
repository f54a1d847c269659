import type { QuickReply } from "@/db/schema";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { DeleteEntryButton } from "./delete-entry-button";

export function QuickReplyList({
  replies,
  canEdit,
  t,
}: {
  replies: QuickReply[];
  canEdit: boolean;
  t: Pick<DashboardMessages["bot"], "delete" | "deleting" | "deleteLabel"> & { empty: string };
}) {
  if (replies.length === 0) {
    return <p className="text-sm text-muted-foreground">{t.empty}</p>;
  }
  return (
    <ul className="grid gap-3">
      {replies.map((reply) => (
        <li
          key={reply.id}
          data-testid="quick-reply"
          className="flex items-start justify-between gap-4 rounded-lg border p-4"
        >
          <div className="min-w-0">
            <p className="font-medium">{reply.title}</p>
            <p className="text-sm whitespace-pre-line text-muted-foreground">{reply.body}</p>
          </div>
          {canEdit ? (
            <DeleteEntryButton kind="quickReply" id={reply.id} label={reply.title} t={t} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
