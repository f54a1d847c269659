"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireSignedIn } from "@/lib/auth/current-member";
import { DASHBOARD_LANGUAGES } from "@/lib/dashboard-i18n/languages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { type ActionState, errorState, formValues } from "@/lib/forms/action-state";
import { setUserLocale } from "@/lib/users/locale";

const setLocaleSchema = z.object({ locale: z.enum(DASHBOARD_LANGUAGES) });

/** The user menu's language switch: stored on the signed-in user, for them only. */
export async function setLocaleAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await requireSignedIn();
  const values = formValues(formData);
  const parsed = setLocaleSchema.safeParse(values);
  if (!parsed.success) {
    const { t } = await getDashboardStrings();
    return errorState(t.userMenu.errors.language, { locale: [t.userMenu.errors.language] });
  }
  await setUserLocale(user.db, user.userId, parsed.data.locale);
  revalidatePath("/dashboard", "layout");
  return { status: "success", message: parsed.data.locale };
}
