import type { QuickReply } from "@/db/schema";
import { DeleteEntryButton } from "./delete-entry-button";

export function QuickReplyList({ replies, canEdit }: { replies: QuickReply[]; canEdit: boolean }) {
  if (replies.length === 0) {
    return <p className="text-sm text-muted-foreground">No quick replies yet.</p>;
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
            <DeleteEntryButton kind="quickReply" id={reply.id} label={reply.title} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
