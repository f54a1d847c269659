"use client";

import { useActionState } from "react";
import { removeCredentialAction } from "@/app/(dashboard)/dashboard/settings/actions/remove-credential";
import { Button } from "@/components/ui/button";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";

type Words = DashboardMessages["settings"]["stored"];

export type StoredSecret = { last4: string; updatedAt: string } | null;

/** "Stored: •••• 1a2b" with a Remove button; the secret itself never reaches the browser. */
export function StoredSecretLine({
  name,
  stored,
  readOnly,
  t,
}: {
  name: string;
  stored: StoredSecret;
  readOnly: boolean;
  t: Words;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    removeCredentialAction,
    idleState,
  );
  if (!stored) return <p className="text-xs text-muted-foreground">{t.notSet}</p>;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
      <span data-testid={`stored-${name}`}>
        {t.stored} <span className="font-mono">•••• {stored.last4}</span>
        {stored.updatedAt ? ` · ${formatMessage(t.updated, { date: stored.updatedAt })}` : null}
      </span>
      {readOnly ? null : (
        <form action={action}>
          <input type="hidden" name="name" value={name} />
          <Button
            type="submit"
            variant="link"
            size="sm"
            className="h-auto p-0 text-xs"
            disabled={pending}
          >
            {t.remove}
          </Button>
        </form>
      )}
      {state.status === "error" ? (
        <span role="alert" className="text-destructive">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}

export type StoredItem = { name: string; label: string; stored: StoredSecret };

/** The "Stored values" box under a credentials form. */
export function StoredValues({
  items,
  readOnly,
  t,
}: {
  items: StoredItem[];
  readOnly: boolean;
  t: Words;
}) {
  return (
    <div className="grid gap-1 rounded-md border p-3">
      <p className="text-sm font-medium">{t.title}</p>
      {items.map((item) => (
        <div key={item.name} className="grid gap-0.5">
          <p className="text-xs text-muted-foreground">{item.label}</p>
          <StoredSecretLine name={item.name} stored={item.stored} readOnly={readOnly} t={t} />
        </div>
      ))}
    </div>
  );
}
