"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/current-member";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { type ActionState, formValues } from "@/lib/forms/action-state";
import { savePaymentSettings } from "@/lib/payments/save-settings";

/** Settings → Payments: the checkout's expiry and the shipping countries; owner only. */
export async function savePaymentSettingsAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const member = await requireMember();
  const { t } = await getDashboardStrings();
  const result = await savePaymentSettings(member, formValues(formData), t.payments);
  if (result.status === "success") revalidatePath("/dashboard/settings");
  return result;
}
