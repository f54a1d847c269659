"use client";

import { useActionState } from "react";
import { deleteFaqEntryAction } from "@/app/(dashboard)/dashboard/bot/actions/delete-faq-entry";
import { deleteMessageTemplateAction } from "@/app/(dashboard)/dashboard/bot/actions/delete-message-template";
import { deleteQuickReplyAction } from "@/app/(dashboard)/dashboard/bot/actions/delete-quick-reply";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";

const ACTIONS = {
  faq: deleteFaqEntryAction,
  quickReply: deleteQuickReplyAction,
  template: deleteMessageTemplateAction,
} as const;

/** Deletes one FAQ entry, quick reply or template. Owners only (the action checks too). */
export function DeleteEntryButton({
  kind,
  id,
  label,
  t,
}: {
  kind: keyof typeof ACTIONS;
  id: string;
  /** What is deleted, for screen readers: “Delete <label>”. */
  label: string;
  t: Pick<DashboardMessages["bot"], "delete" | "deleting" | "deleteLabel">;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(ACTIONS[kind], idleState);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="outline"
        size="sm"
        disabled={pending}
        aria-label={formatMessage(t.deleteLabel, { label })}
      >
        {pending ? t.deleting : t.delete}
      </Button>
      {state.status === "error" ? <FormStatus state={state} /> : null}
    </form>
  );
}
