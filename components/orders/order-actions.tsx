"use client";

import { useActionState } from "react";
import { cancelOrderAction } from "@/app/(dashboard)/dashboard/orders/actions/cancel-order";
import { markDeliveredAction } from "@/app/(dashboard)/dashboard/orders/actions/mark-delivered";
import { markShippedAction } from "@/app/(dashboard)/dashboard/orders/actions/mark-shipped";
import { refundOrderAction } from "@/app/(dashboard)/dashboard/orders/actions/refund-order";
import { FormStatus } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import { TRACKING_URL_MAX_LENGTH } from "@/lib/orders/fulfillment-schemas";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

function ActionForm({
  action,
  orderNumber,
  label,
  working,
  variant,
  children,
}: {
  action: Action;
  orderNumber: string;
  label: string;
  working: string;
  variant?: "default" | "outline" | "destructive";
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="grid gap-2">
      <input type="hidden" name="orderNumber" value={orderNumber} />
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? working : label}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}

/** What can be done with the order now; each button only where its state rule allows it. */
export function OrderActions({
  orderNumber,
  can,
  isOwner,
  refundable,
  t,
}: {
  orderNumber: string;
  can: { ship: boolean; deliver: boolean; cancel: boolean; refund: boolean };
  isOwner: boolean;
  /** The refund form's label and hint, already filled in ("Up to ¥4,800 …"). */
  refundable: { label: string; hint: string };
  t: DashboardMessages["orders"]["actions"];
}) {
  const nothing = !can.ship && !can.deliver && !can.cancel && !can.refund;
  return (
    <div className="grid gap-6">
      {nothing ? <p className="text-sm text-muted-foreground">{t.none}</p> : null}
      {can.ship ? (
        <ActionForm
          action={markShippedAction}
          orderNumber={orderNumber}
          label={t.markShipped}
          working={t.working}
        >
          <Label htmlFor="trackingUrl">{t.trackingUrl}</Label>
          <Input
            id="trackingUrl"
            name="trackingUrl"
            type="url"
            inputMode="url"
            maxLength={TRACKING_URL_MAX_LENGTH}
            placeholder={t.trackingPlaceholder}
          />
        </ActionForm>
      ) : null}
      {can.deliver ? (
        <ActionForm
          action={markDeliveredAction}
          orderNumber={orderNumber}
          label={t.markDelivered}
          working={t.working}
        />
      ) : null}
      {can.cancel ? (
        <ActionForm
          action={cancelOrderAction}
          orderNumber={orderNumber}
          label={t.cancel}
          working={t.working}
          variant="outline"
        >
          <p className="text-sm text-muted-foreground">{t.cancelHint}</p>
        </ActionForm>
      ) : null}
      {can.refund && isOwner ? (
        <ActionForm
          action={refundOrderAction}
          orderNumber={orderNumber}
          label={t.refund}
          working={t.working}
          variant="destructive"
        >
          <Label htmlFor="refund-amount">{refundable.label}</Label>
          <Input
            id="refund-amount"
            name="amount"
            inputMode="decimal"
            required
            className="max-w-48"
          />
          <p className="text-xs text-muted-foreground">{refundable.hint}</p>
        </ActionForm>
      ) : null}
      {can.refund && !isOwner ? (
        <p className="text-sm text-muted-foreground">{t.ownerOnlyRefund}</p>
      ) : null}
    </div>
  );
}
