import type { ActionState } from "@/lib/forms/action-state";
import { errorState } from "@/lib/forms/action-state";
import { formatMessage, type DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { OrderActionResult } from "@/lib/orders/fulfillment";

/** An order action's outcome in the member's words (with whether the customer was told). */
export function describeOrderResult(
  result: OrderActionResult,
  t: DashboardMessages["orders"],
  done: keyof DashboardMessages["orders"]["results"],
): ActionState {
  if (!result.ok) {
    return errorState(formatMessage(t.errors[result.reason], { message: result.message ?? "" }));
  }
  const parts = [t.results[done]];
  if (result.notice?.status === "queued") parts.push(t.results.customerTold);
  if (result.notice?.status === "blocked")
    parts.push(formatMessage(t.results.customerNotTold, { reason: result.notice.reason }));
  return { status: "success", message: parts.join(" ") };
}
