"use client";

import { CircleStop } from "lucide-react";
import { useActionState } from "react";
import { stopRecoveryAction } from "@/app/(dashboard)/dashboard/recovery/actions/stop-recovery";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { type ActionState, idleState } from "@/lib/forms/action-state";

/** The owner's Stop on an active recovery: its steps not yet decided are cancelled. */
export function StopRecoveryButton({
  recoveryId,
  words,
}: {
  recoveryId: string;
  words: { button: string; stopping: string; label: string };
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    stopRecoveryAction,
    idleState,
  );
  return (
    <form action={action} className="grid justify-items-start gap-1">
      <input type="hidden" name="recoveryId" value={recoveryId} />
      <Button
        type="submit"
        variant="outline"
        size="sm"
        disabled={pending}
        aria-label={words.label}
        data-testid="stop-recovery"
      >
        <CircleStop aria-hidden />
        {pending ? words.stopping : words.button}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
