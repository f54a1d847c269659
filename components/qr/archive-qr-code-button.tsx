"use client";

import { useActionState } from "react";
import { archiveQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/archive-qr-code";
import { restoreQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/restore-qr-code";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { type ActionState, idleState } from "@/lib/forms/action-state";

/** Archive a live code, or restore an archived one. Owners only (the action checks too). */
export function ArchiveQrCodeButton({ id, archived }: { id: string; archived: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    archived ? restoreQrCodeAction : archiveQrCodeAction,
    idleState,
  );
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {archived ? "Restore" : "Archive"}
      </Button>
      {state.status === "error" ? <FormStatus state={state} /> : null}
    </form>
  );
}
