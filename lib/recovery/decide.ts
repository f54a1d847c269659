import { decideSend, isWithinServiceWindow, type SendRecipient } from "@/lib/whatsapp/send-policy";
import { quietHoursEndAt } from "./quiet-hours";
import type { RecoverySettings, RecoveryStepSettings } from "./settings";

const DAY_MS = 24 * 60 * 60 * 1000;

export type RecoveryStopReason =
  | "paid"
  | "replied"
  | "opted_out"
  | "no_consent"
  | "cart_empty"
  | "order_closed"
  | "stopped_by_owner"
  | "recovery_off";

export type RecoveryDecision =
  | { action: "send"; channel: "free_form" | "template" }
  | { action: "wait"; until: Date; reason: "quiet_hours" | "daily_cap" }
  | { action: "skip"; reason: "outside_window_no_template" | "template_unavailable" }
  | { action: "stop"; reason: RecoveryStopReason };

export type RecoveryDecisionInput = {
  now: Date;
  timezone: string;
  settings: Pick<RecoverySettings, "quietHours">;
  step: Pick<RecoveryStepSettings, "template">;
  customer: SendRecipient;
  abandonedAt: Date;
  /** The last recovery message queued to this customer, for any cart. */
  lastRecoveryMessageAt: Date | null;
  paidSinceAbandoned: boolean;
  cartEmpty: boolean;
  stoppedByOwner: boolean;
  /** The owner switched the store's recovery off since the sequence started. */
  recoveryOff?: boolean;
  /** An order-only recovery whose order was cancelled: nothing is left to pay. */
  orderClosed?: boolean;
  /** Whether the step's template is approved now (null: the step has none). */
  templateApproved: boolean | null;
};

/**
 * Whether a due recovery step may go now (DESIGN §4d), and if not, why — every recovery
 * send goes through here, and through decideSend when it is queued and sent. In order:
 * stop conditions end the sequence; quiet hours and the one-per-24-hours cap hold the step
 * back to a time; the 24-hour window picks free-form or the step's template, and without an
 * approved template outside the window the step is skipped.
 */
export function decideRecoveryStep(input: RecoveryDecisionInput): RecoveryDecision {
  const { now, customer } = input;
  if (input.paidSinceAbandoned) return { action: "stop", reason: "paid" };
  if (input.stoppedByOwner) return { action: "stop", reason: "stopped_by_owner" };
  if (input.recoveryOff) return { action: "stop", reason: "recovery_off" };
  if (input.orderClosed) return { action: "stop", reason: "order_closed" };
  if (input.cartEmpty) return { action: "stop", reason: "cart_empty" };
  const consent = decideSend({
    recipient: customer,
    // Consent is asked of a business-initiated message whatever its channel.
    content: {
      type: "template",
      name: "recovery",
      language: "en",
      bodyParameters: [],
      category: "utility",
    },
    purpose: "business_initiated",
    now,
  });
  if (!consent.allowed) {
    return { action: "stop", reason: consent.reason === "opted_out" ? "opted_out" : "no_consent" };
  }
  if (customer.lastInboundAt && customer.lastInboundAt > input.abandonedAt) {
    return { action: "stop", reason: "replied" };
  }

  const quietEnds = quietHoursEndAt(input.settings.quietHours, input.timezone, now);
  if (quietEnds > now) return { action: "wait", until: quietEnds, reason: "quiet_hours" };
  if (input.lastRecoveryMessageAt) {
    const capEnds = new Date(input.lastRecoveryMessageAt.getTime() + DAY_MS);
    if (capEnds > now) return { action: "wait", until: capEnds, reason: "daily_cap" };
  }

  if (isWithinServiceWindow(customer.lastInboundAt, now)) {
    return { action: "send", channel: "free_form" };
  }
  if (input.templateApproved === null || !input.step.template) {
    return { action: "skip", reason: "outside_window_no_template" };
  }
  if (!input.templateApproved) return { action: "skip", reason: "template_unavailable" };
  return { action: "send", channel: "template" };
}
