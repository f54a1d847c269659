"use client";

import { useActionState } from "react";
import { tapSimulatorReplyAction } from "@/app/(dashboard)/dashboard/simulator/actions/tap-simulator-reply";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { cn } from "@/lib/utils";

export type TapReply = {
  kind: "button_reply" | "list_reply";
  id: string;
  title: string;
  description?: string;
};

/** A reply button or list row the simulated shopper can tap: it sends the matching reply. */
export function TapReplyButton({
  reply,
  profileName,
  className,
  children,
}: {
  reply: TapReply;
  profileName: string;
  className?: string;
  children: React.ReactNode;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    tapSimulatorReplyAction,
    idleState,
  );
  return (
    <form action={action}>
      <input type="hidden" name="kind" value={reply.kind} />
      <input type="hidden" name="replyId" value={reply.id} />
      <input type="hidden" name="title" value={reply.title} />
      {reply.description ? (
        <input type="hidden" name="description" value={reply.description} />
      ) : null}
      <input type="hidden" name="profileName" value={profileName} />
      <button
        type="submit"
        disabled={pending}
        data-reply-id={reply.id}
        className={cn(
          "w-full px-3 py-2 text-sm font-medium text-sky-700 transition-colors hover:bg-sky-50 disabled:opacity-60 dark:text-sky-300 dark:hover:bg-sky-950",
          className,
        )}
      >
        {children}
      </button>
      {state.status === "error" ? (
        <p role="alert" className="px-3 pb-2 text-xs text-destructive">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
