"use client";

import { useActionState } from "react";
import { archiveQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/archive-qr-code";
import { restoreQrCodeAction } from "@/app/(dashboard)/dashboard/qr/actions/restore-qr-code";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";

/** Archive a live code, or restore an archived one. Owners only (the action checks too). */
export function ArchiveQrCodeButton({
  id,
  archived,
  t,
}: {
  id: string;
  archived: boolean;
  t: Pick<DashboardMessages["qrCodes"], "archive" | "restore">;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    archived ? restoreQrCodeAction : archiveQrCodeAction,
    idleState,
  );
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {archived ? t.restore : t.archive}
      </Button>
      {state.status === "error" ? <FormStatus state={state} /> : null}
    </form>
  );
}
