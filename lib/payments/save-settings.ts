import "server-only";
import { z } from "zod";
import type { MemberContext } from "@/lib/auth/current-member";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { type ActionState, errorState, type FieldErrors } from "@/lib/forms/action-state";
import { updateStoreSettings } from "@/lib/stores/update-settings";
import { paymentSettingsFormSchema } from "./settings-form";

/**
 * Validates the Payments form and saves only the `payments` section of the member's own
 * store (never a store named in the form); owners only.
 */
export async function savePaymentSettings(
  member: Pick<MemberContext, "db" | "store" | "role">,
  values: Record<string, string>,
  t: DashboardMessages["payments"],
): Promise<ActionState> {
  if (member.role !== "owner") return errorState(t.errors.ownerOnly, {}, values);
  const parsed = paymentSettingsFormSchema(t.errors).safeParse(values);
  if (!parsed.success) {
    const flattened = z.flattenError(parsed.error);
    return errorState(
      flattened.formErrors[0] ?? t.errors.invalid,
      flattened.fieldErrors as FieldErrors,
      values,
    );
  }
  await updateStoreSettings(member.db, member.store.id, { payments: parsed.data });
  return { status: "success", message: t.saved };
}
