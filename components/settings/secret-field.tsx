"use client";

import { useActionState } from "react";
import { removeCredentialAction } from "@/app/(dashboard)/dashboard/settings/actions/remove-credential";
import { Button } from "@/components/ui/button";
import { type ActionState, idleState } from "@/lib/forms/action-state";

export type StoredSecret = { last4: string; updatedAt: string } | null;

/** "Stored: •••• 1a2b" with a Remove button; the secret itself never reaches the browser. */
export function StoredSecretLine({
  name,
  stored,
  readOnly,
}: {
  name: string;
  stored: StoredSecret;
  readOnly: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    removeCredentialAction,
    idleState,
  );
  if (!stored) return <p className="text-xs text-muted-foreground">Not set.</p>;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
      <span data-testid={`stored-${name}`}>
        Stored: <span className="font-mono">•••• {stored.last4}</span>
        {stored.updatedAt ? ` · updated ${stored.updatedAt}` : null}
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
            Remove
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
export function StoredValues({ items, readOnly }: { items: StoredItem[]; readOnly: boolean }) {
  return (
    <div className="grid gap-1 rounded-md border p-3">
      <p className="text-sm font-medium">Stored values</p>
      {items.map((item) => (
        <div key={item.name} className="grid gap-0.5">
          <p className="text-xs text-muted-foreground">{item.label}</p>
          <StoredSecretLine name={item.name} stored={item.stored} readOnly={readOnly} />
        </div>
      ))}
    </div>
  );
}
