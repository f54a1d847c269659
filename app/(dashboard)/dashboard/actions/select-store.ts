"use server";

import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { ACTIVE_STORE_COOKIE, requireSignedIn } from "@/lib/auth/current-member";
import { env } from "@/lib/env";

const selectStoreSchema = z.object({ slug: z.string().trim().min(1).max(100) });

export async function selectStore(formData: FormData): Promise<void> {
  const user = await requireSignedIn();
  const parsed = selectStoreSchema.safeParse({ slug: formData.get("slug") });
  const target = parsed.success
    ? user.memberships.find((membership) => membership.store.slug === parsed.data.slug)
    : undefined;
  if (!target) notFound();
  (await cookies()).set(ACTIVE_STORE_COOKIE, target.store.slug, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    path: "/",
  });
  redirect("/dashboard");
}
