"use client";

import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { Send } from "lucide-react";
import { useActionState, useRef, useState } from "react";
import { sendReplyAction } from "@/app/(dashboard)/dashboard/inbox/actions/send-reply";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { REPLY_MAX_LENGTH } from "@/lib/inbox/form-schemas";
import type { QuickReplyOption } from "@/lib/inbox/snippets";
import { newClientKey } from "./client-key";

/**
 * Free-text reply. Each draft carries a client-made key, so a double-submitted form
 * sends once; a new key is made once the server has answered.
 */
export function ReplyComposer({
  conversationId,
  initialClientKey,
  quickReplies,
  disabledReason,
  t,
}: {
  conversationId: string;
  initialClientKey: string;
  quickReplies: QuickReplyOption[];
  /** Why replying is not possible now (window closed, conversation closed), or null. */
  disabledReason: string | null;
  t: DashboardMessages["inboxView"]["composer"];
}) {
  const [text, setText] = useState("");
  const [clientKey, setClientKey] = useState(initialClientKey);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [state, action, pending] = useActionState<ActionState, FormData>(
    async (previous, formData) => {
      const result = await sendReplyAction(previous, formData);
      setClientKey(newClientKey());
      if (result.status === "success") setText("");
      return result;
    },
    idleState,
  );
  const disabled = disabledReason !== null;

  function insert(snippet: string) {
    const element = textarea.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + snippet + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  }

  return (
    <form action={action} className="grid gap-3" aria-label={t.label}>
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="clientKey" value={clientKey} />
      <fieldset disabled={disabled || pending} className="grid gap-3">
        {quickReplies.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2" aria-label={t.quickReplies}>
            <span className="text-xs text-muted-foreground">{t.quickReplies}</span>
            {quickReplies.map((quickReply) => (
              <Button
                key={quickReply.id}
                type="button"
                variant="outline"
                size="sm"
                title={quickReply.body}
                onClick={() => insert(quickReply.body)}
              >
                {quickReply.title}
              </Button>
            ))}
          </div>
        ) : null}
        <Textarea
          ref={textarea}
          name="text"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
          rows={3}
          maxLength={REPLY_MAX_LENGTH}
          placeholder={disabledReason ?? t.placeholder}
          aria-label={t.textLabel}
        />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <FormStatus state={state} />
          <Button
            type="submit"
            className="ml-auto"
            disabled={disabled || pending || text.trim() === ""}
          >
            <Send aria-hidden />
            {pending ? t.sending : t.send}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
