/** What a form's server action answers; safe to import from client components. */
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionState =
  | { status: "idle" }
  | { status: "success"; message: string }
  | { status: "error"; message: string; fieldErrors: FieldErrors; values: Record<string, string> };

/** A field's messages without repeats ("Use 24-hour HH:MM" for both ends of a period once). */
export function fieldMessages(error: string | string[] | undefined): string[] {
  const messages = Array.isArray(error) ? error : error ? [error] : [];
  return [...new Set(messages.filter(Boolean))];
}

export const idleState: ActionState = { status: "idle" };

/**
 * Field names whose values are never sent back to the browser: access tokens, app secrets,
 * verify tokens, Stripe keys, passwords. By name, so a form added later is covered without
 * anyone remembering to list it.
 */
const SECRET_FIELD = /token|secret|password|key$/i;

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/** The submitted values a form may show again: everything but the secret fields. */
export function echoableValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !isSecretField(name)));
}

/** A failed submission; `values` are echoed back without their secret fields. */
export function errorState(
  message: string,
  fieldErrors: FieldErrors = {},
  values: Record<string, string> = {},
): ActionState {
  return { status: "error", message, fieldErrors, values: echoableValues(values) };
}

/** The string fields of a submitted form, without React's internal action fields. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
