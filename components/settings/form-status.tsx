import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/forms/action-state";
import { cn } from "@/lib/utils";

/** The one-line outcome of a settings form, announced to screen readers. */
export function FormStatus({ state }: { state: ActionState }) {
  if (state.status === "idle") return null;
  return (
    <p
      role={state.status === "error" ? "alert" : "status"}
      className={cn("text-sm", state.status === "error" ? "text-destructive" : "text-primary")}
    >
      {state.message}
    </p>
  );
}

export function fieldErrors(state: ActionState) {
  return state.status === "error" ? state.fieldErrors : {};
}

export function submittedValues(state: ActionState) {
  return state.status === "error" ? state.values : {};
}

/** The submit button and the outcome line under a settings form. */
export function SaveBar({
  label,
  savingLabel = "Saving…",
  pending,
  disabled,
  state,
}: {
  label: string;
  /** The button's words while saving, in the member's language (t.forms.saving). */
  savingLabel?: string;
  pending: boolean;
  disabled: boolean;
  state: ActionState;
}) {
  return (
    <div className="flex items-center gap-4">
      <Button type="submit" disabled={pending || disabled}>
        {pending ? savingLabel : label}
      </Button>
      <FormStatus state={state} />
    </div>
  );
}
