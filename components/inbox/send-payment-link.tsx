"use client";

import { CreditCard } from "lucide-react";
import { useActionState, useState } from "react";
import { sendPaymentLinkAction } from "@/app/(dashboard)/dashboard/inbox/actions/send-payment-link";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { AGENT_NOTE_MAX_LENGTH, QUANTITY_FIELD_PREFIX } from "@/lib/orders/agent-link-schema";
import { MAX_ORDER_QUANTITY } from "@/lib/orders/limits";

export type PickerProduct = {
  id: string;
  name: string;
  /** The price as the catalog has it now, for the agent's eyes only: the server prices the order. */
  price: string;
  quantityLabel: string;
};

/**
 * *Send payment link*: products and quantities (ids and numbers only — the server takes the
 * prices from the catalog) and an optional note; the link then appears in the thread.
 */
export function SendPaymentLink({
  conversationId,
  products,
  disabledReason,
  words,
}: {
  conversationId: string;
  products: PickerProduct[];
  disabledReason: string | null;
  words: Omit<DashboardMessages["inbox"]["sendLink"], "errors">;
}) {
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [state, action, pending] = useActionState<ActionState, FormData>(
    async (previous, formData) => {
      const result = await sendPaymentLinkAction(previous, formData);
      if (result.status === "success") {
        setOpen(false);
        setFormKey((key) => key + 1);
      }
      return result;
    },
    idleState,
  );
  return (
    <div className="grid gap-2">
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button
            type="button"
            variant="outline"
            disabled={disabledReason !== null}
            title={disabledReason ?? undefined}
            className="justify-self-start"
          >
            <CreditCard aria-hidden />
            {words.open}
          </Button>
        </DialogTrigger>
        <DialogContent className="max-h-[90svh] overflow-y-auto sm:max-w-lg">
          <DialogHeader>
            <DialogTitle>{words.title}</DialogTitle>
            <DialogDescription>{words.description}</DialogDescription>
          </DialogHeader>
          {products.length === 0 ? (
            <p className="text-sm text-muted-foreground">{words.noProducts}</p>
          ) : (
            <form key={formKey} action={action} className="grid gap-4" data-testid="send-link-form">
              <input type="hidden" name="conversationId" value={conversationId} />
              <ul className="grid gap-3">
                {products.map((product) => (
                  <li key={product.id} className="flex items-center justify-between gap-3">
                    <Label
                      htmlFor={`qty-${product.id}`}
                      className="grid min-w-0 gap-0.5 font-normal"
                    >
                      <span className="break-words">{product.name}</span>
                      <span className="text-xs text-muted-foreground tabular-nums">
                        {product.price}
                      </span>
                    </Label>
                    <Input
                      id={`qty-${product.id}`}
                      name={`${QUANTITY_FIELD_PREFIX}${product.id}`}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={MAX_ORDER_QUANTITY}
                      step={1}
                      defaultValue={0}
                      aria-label={product.quantityLabel}
                      className="w-20 shrink-0 text-right"
                    />
                  </li>
                ))}
              </ul>
              <div className="grid gap-1.5">
                <Label htmlFor="send-link-note">{words.note}</Label>
                <Textarea
                  id="send-link-note"
                  name="note"
                  rows={2}
                  maxLength={AGENT_NOTE_MAX_LENGTH}
                  placeholder={words.notePlaceholder}
                />
              </div>
              {state.status === "error" ? <FormStatus state={state} /> : null}
              <DialogFooter>
                <DialogClose asChild>
                  <Button type="button" variant="ghost">
                    {words.cancel}
                  </Button>
                </DialogClose>
                <Button type="submit" disabled={pending}>
                  {pending ? words.sending : words.send}
                </Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
      {state.status === "success" ? <FormStatus state={state} /> : null}
    </div>
  );
}
