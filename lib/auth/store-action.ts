import "server-only";
import { z } from "zod";
import type { MemberRole } from "@/db/schema";
import {
  type ActionState,
  errorState,
  type FieldErrors,
  formValues,
} from "@/lib/forms/action-state";
import { type MemberContext, requireMember } from "./current-member";

/**
 * Wraps a dashboard server action: resolves the signed-in member and their store
 * (never a store id from the form), validates the form with `schema`, and turns
 * validation failures into per-field errors. The handler gets typed input.
 */
export function storeAction<Schema extends z.ZodType>(
  schema: Schema,
  handler: (input: z.output<Schema>, member: MemberContext) => Promise<ActionState>,
  options: { role?: MemberRole } = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const member = await requireMember();
    const values = formValues(formData);
    if (options.role === "owner" && member.role !== "owner") {
      return errorState("Only the store owner can change this.", {}, values);
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const flattened = z.flattenError(parsed.error);
      return errorState(
        flattened.formErrors[0] ?? "Please correct the highlighted fields.",
        flattened.fieldErrors as FieldErrors,
        values,
      );
    }
    return handler(parsed.data, member);
  };
}
