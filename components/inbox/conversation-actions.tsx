"use client";

import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { Bot, CircleCheck } from "lucide-react";
import { useActionState } from "react";
import { closeConversationAction } from "@/app/(dashboard)/dashboard/inbox/actions/close-conversation";
import { handBackToBotAction } from "@/app/(dashboard)/dashboard/inbox/actions/hand-back-to-bot";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import type { ConversationStatus } from "@/db/schema";
import { type ActionState, idleState } from "@/lib/forms/action-state";

function ActionButton({
  conversationId,
  action: serverAction,
  label,
  icon,
}: {
  conversationId: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  icon: React.ReactNode;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction, idleState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="conversationId" value={conversationId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {icon}
        {label}
      </Button>
      {state.status === "error" ? <FormStatus state={state} /> : null}
    </form>
  );
}

/** Hand back to bot (while waiting for a person) and Close (while open). */
export function ConversationActions({
  conversationId,
  status,
  t,
}: {
  conversationId: string;
  status: ConversationStatus;
  t: DashboardMessages["inboxView"]["actions"];
}) {
  if (status === "closed") return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === "agent" ? (
        <ActionButton
          conversationId={conversationId}
          action={handBackToBotAction}
          label={t.handBack}
          icon={<Bot aria-hidden />}
        />
      ) : null}
      <ActionButton
        conversationId={conversationId}
        action={closeConversationAction}
        label={t.close}
        icon={<CircleCheck aria-hidden />}
      />
    </div>
  );
}
