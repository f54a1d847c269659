"use client";

import { SendHorizontal } from "lucide-react";
import { useActionState, useState } from "react";
import { sendSimulatorMessageAction } from "@/app/(dashboard)/dashboard/simulator/actions/send-simulator-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { SIMULATOR_TEXT_MAX } from "@/lib/simulator/prefill";

/** The simulated shopper's name and message box (`initialText`: from `?text=`). */
export function Composer({
  initialText,
  profileName,
  t,
}: {
  initialText: string;
  profileName: string;
  t: Pick<DashboardMessages["simulator"], "shopperName" | "message" | "send">;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    sendSimulatorMessageAction,
    idleState,
  );
  const [text, setText] = useState(initialText);
  // A sent message empties the box; one that was refused stays to be sent again.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setText(state.status === "error" ? (state.values.text ?? text) : "");
  }
  return (
    <form action={action} className="grid gap-2" noValidate>
      <div className="flex items-center gap-2">
        <Label htmlFor="simulator-name" className="shrink-0 text-xs text-muted-foreground">
          {t.shopperName}
        </Label>
        <Input
          id="simulator-name"
          name="profileName"
          defaultValue={profileName}
          maxLength={60}
          className="h-8"
        />
      </div>
      <div className="flex items-end gap-2">
        <textarea
          name="text"
          aria-label={t.message}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
          rows={2}
          maxLength={SIMULATOR_TEXT_MAX}
          placeholder={t.message}
          className="min-h-10 flex-1 resize-none rounded-2xl border border-input bg-background px-3 py-2 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        />
        <Button
          type="submit"
          size="icon"
          disabled={pending || !text.trim()}
          aria-label={t.send}
          className="rounded-full bg-emerald-600 text-white hover:bg-emerald-700"
        >
          <SendHorizontal aria-hidden />
        </Button>
      </div>
      {state.status === "error" ? (
        <p role="alert" className="text-xs text-destructive">
          {state.fieldErrors.text?.[0] ?? state.fieldErrors.profileName?.[0] ?? state.message}
        </p>
      ) : null}
    </form>
  );
}
