import "server-only";
import { z } from "zod";
import type { MemberRole } from "@/db/schema";
import { type DashboardMessages, wordFor } from "@/lib/dashboard-i18n/messages";
import { type DashboardStrings, getDashboardStrings } from "@/lib/dashboard-i18n/server";
import {
  type ActionState,
  errorState,
  type FieldErrors,
  formValues,
} from "@/lib/forms/action-state";
import { type MemberContext, requireMember } from "./current-member";

/**
 * storeAction() for forms whose words come from the dashboard dictionaries: the schema's
 * messages are keys of the section `words(t)` picks (e.g. `t.orders.errors`), and the answer
 * is in the member's language. `invalid` must be a key of that section
 * (and `owner_only`, for owner-only actions).
 */
export function localizedStoreAction<Schema extends z.ZodType>(
  schema: Schema,
  words: (t: DashboardMessages) => Record<string, string> & { invalid: string },
  handler: (
    input: z.output<Schema>,
    member: MemberContext,
    strings: DashboardStrings,
  ) => Promise<ActionState>,
  options: { role?: MemberRole } = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const member = await requireMember();
    const strings = await getDashboardStrings();
    const section = words(strings.t);
    const values = formValues(formData);
    if (options.role === "owner" && member.role !== "owner") {
      return errorState(wordFor(section, "owner_only", section.invalid), {}, values);
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const say = (key: string) => wordFor(section, key, section.invalid);
      const flattened = z.flattenError(parsed.error);
      const fieldErrors: FieldErrors = Object.fromEntries(
        Object.entries(flattened.fieldErrors as FieldErrors).map(([field, keys]) => [
          field,
          keys?.map(say),
        ]),
      );
      const first = parsed.error.issues[0]?.message;
      return errorState(first ? say(first) : section.invalid, fieldErrors, values);
    }
    return handler(parsed.data, member, strings);
  };
}
