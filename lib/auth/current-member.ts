import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb, type Database } from "@/lib/server/database";
import type { MemberRole, Store } from "@/db/schema";
import { listMemberships, type Membership } from "@/lib/stores/stores";
import { auth } from "./next-auth";

/** Cookie naming the store a member with several stores is working in. */
export const ACTIVE_STORE_COOKIE = "chatcart_store";

export type MemberContext = {
  db: Database;
  userId: string;
  email: string;
  role: MemberRole;
  store: Store;
  memberships: Membership[];
};

export type SignedInUser = {
  db: Database;
  userId: string;
  email: string;
  memberships: Membership[];
};

/**
 * A user's memberships, looked up once per request however many layouts, pages and
 * components ask (React's cache() is scoped to one server render).
 */
const membershipsOf = cache(async (userId: string): Promise<Membership[]> =>
  listMemberships(await getDb(), userId),
);

/** The signed-in user and every store they belong to. No session → /login. */
export async function requireSignedIn(): Promise<SignedInUser> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect("/login");
  const db = await getDb();
  const memberships = await membershipsOf(userId);
  // A valid token for a user who no longer belongs anywhere (deleted, removed) is a signed-out user.
  if (memberships.length === 0) redirect("/login");
  return { db, userId, email: session?.user?.email ?? "", memberships };
}

/** /login and /signup send someone already signed in to a store on to the dashboard. */
export async function redirectSignedInMember(): Promise<void> {
  const userId = (await auth())?.user?.id;
  if (!userId) return;
  const memberships = await membershipsOf(userId);
  // Only with a store to go to: a token without one would bounce between the two pages.
  if (memberships.length > 0) redirect("/dashboard");
}

/**
 * The signed-in member and the store they are working in. Every dashboard page,
 * action and route starts here; queries then filter by `store.id`.
 * A store the member does not belong to → 404, never its data.
 */
export async function requireMember(): Promise<MemberContext> {
  const user = await requireSignedIn();
  const requestedSlug = (await cookies()).get(ACTIVE_STORE_COOKIE)?.value;
  // Chosen from the memberships already loaded: no second query per request.
  const membership = requestedSlug
    ? user.memberships.find((candidate) => candidate.store.slug === requestedSlug)
    : user.memberships[0];
  if (!membership) notFound();
  return { ...user, role: membership.role, store: membership.store };
}
