"use server";

import { signOut } from "@/lib/auth/next-auth";

export async function signOutAndGoHome(): Promise<void> {
  await signOut({ redirectTo: "/login?signedOut=1" });
}
