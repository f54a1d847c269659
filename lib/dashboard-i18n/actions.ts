import "server-only";
import type { ActionState } from "@/lib/forms/action-state";
import { dashboardLanguage } from "./server";
import { type DashboardForm, translateState } from "./translate";

/** A form's server action whose answer reads in the member's language (see ./translate.ts). */
export function inMemberLanguage<Args extends unknown[]>(
  form: DashboardForm,
  action: (...args: Args) => Promise<ActionState>,
) {
  return async (...args: Args): Promise<ActionState> => {
    const state = await action(...args);
    return translateState(state, form, await dashboardLanguage());
  };
}
