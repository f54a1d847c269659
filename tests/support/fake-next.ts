/**
 * Stand-ins for the request-scoped parts of Next.js and Auth.js, so tests can call
 * server actions and `requireMember()` directly as a given user with given cookies.
 * Use in a test file:
 *   vi.mock("@/lib/auth/next-auth", () => import("../support/fake-next"));
 *   vi.mock("next/headers", () => import("../support/fake-next"));
 *   vi.mock("next/cache", () => import("../support/fake-next"));
 * and, for pages that call `connection()`, a partial mock of "next/server".
 */
type FakeSession = { user: { id: string; email: string } } | null;

let session: FakeSession = null;
const cookieJar = new Map<string, string>();

export function actAs(user: { userId: string; email: string } | null): void {
  session = user ? { user: { id: user.userId, email: user.email } } : null;
}

export function setCookie(name: string, value: string | undefined): void {
  if (value === undefined) cookieJar.delete(name);
  else cookieJar.set(name, value);
}

// next-auth module surface used by the app
export async function auth(): Promise<FakeSession> {
  return session;
}
export async function signIn(): Promise<never> {
  throw new Error("signIn is not available in tests");
}
export async function signOut(): Promise<void> {
  session = null;
}
export const handlers = {};

// next/headers
export async function cookies() {
  return {
    get: (name: string) =>
      cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined,
    set: (name: string, value: string) => void cookieJar.set(name, value),
    delete: (name: string) => void cookieJar.delete(name),
  };
}
/** Every real request has a Host; tests that care about the origin mock headers() themselves. */
export async function headers() {
  return new Headers({ host: "localhost:3000" });
}

// next/cache
export function revalidatePath(): void {}
export function revalidateTag(): void {}
