"use client";

import { RotateCw } from "lucide-react";
import { useActionState } from "react";
import { retryFailedEventAction } from "@/app/(dashboard)/dashboard/inbox/failed/actions/retry-event";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { type ActionState, idleState } from "@/lib/forms/action-state";

/** Re-applies one failed event's stored payload through today's code. */
export function RetryEventButton({ eventId }: { eventId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    retryFailedEventAction,
    idleState,
  );
  return (
    <form action={action} className="grid justify-items-end gap-1">
      <input type="hidden" name="eventId" value={eventId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        <RotateCw aria-hidden />
        Retry
      </Button>
      {state.status === "error" ? <FormStatus state={state} /> : null}
    </form>
  );
}
