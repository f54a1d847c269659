"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/server/database";
import { signIn } from "@/lib/auth/next-auth";
import { signUpSchema, signUpWithRateLimits } from "@/lib/auth/sign-up";
import { type ActionState, errorState, formValues } from "@/lib/forms/action-state";
import { clientIp } from "@/lib/http/client-ip";
import { databaseProblem } from "@/lib/server/database-status";

export async function signUpWithPassword(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const { password, ...values } = formValues(formData);
  const parsed = signUpSchema.safeParse({ ...values, password });
  if (!parsed.success) {
    return errorState(
      "Please correct the highlighted fields.",
      z.flattenError(parsed.error).fieldErrors,
      values,
    );
  }
  const problem = await databaseProblem();
  if (problem) return errorState(problem, {}, values);
  const result = await signUpWithRateLimits(await getDb(), parsed.data, {
    ip: clientIp({ headers: await headers() }),
  });
  if ("rateLimited" in result) {
    const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
    return errorState(
      `Too many sign-ups right now. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      {},
      values,
    );
  }
  if (!result.ok) {
    return errorState("Please correct the highlighted fields.", result.fieldErrors, values);
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: "/dashboard",
    });
  } catch (error) {
    // The account exists; if signing in right away fails (e.g. rate limit), let them sign in by hand.
    if (error instanceof AuthError) redirect("/login?created=1");
    throw error;
  }
  return { status: "idle" };
}
