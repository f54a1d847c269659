"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signInSchema } from "@/lib/auth/authenticate";
import { safeCallbackPath } from "@/lib/auth/config";
import { signIn } from "@/lib/auth/next-auth";
import { type ActionState, errorState, formValues } from "@/lib/forms/action-state";
import { databaseProblem } from "@/lib/server/database-status";
import { z } from "zod";

export async function signInWithPassword(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) {
    const { password: _password, ...safeValues } = values;
    return errorState(
      "Enter your email and password.",
      z.flattenError(parsed.error).fieldErrors,
      safeValues,
    );
  }
  const problem = await databaseProblem();
  if (problem) return errorState(problem, {}, { email: parsed.data.email });
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(values.callbackUrl),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return errorState(
        "Too many sign-in attempts. Wait 15 minutes and try again.",
        {},
        { email: parsed.data.email },
      );
    }
    if (error instanceof AuthError) {
      // One message for unknown email and wrong password alike: no account enumeration.
      return errorState("Wrong email or password.", {}, { email: parsed.data.email });
    }
    throw error; // the redirect after a successful sign-in
  }
  return { status: "idle" };
}
