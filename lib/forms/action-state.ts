/** What a form's server action answers; safe to import from client components. */
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionState =
  | { status: "idle" }
  | { status: "success"; message: string }
  | { status: "error"; message: string; fieldErrors: FieldErrors; values: Record<string, string> };

export const idleState: ActionState = { status: "idle" };

export function errorState(
  message: string,
  fieldErrors: FieldErrors = {},
  values: Record<string, string> = {},
): ActionState {
  return { status: "error", message, fieldErrors, values };
}

/** The string fields of a submitted form, without React's internal action fields. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
