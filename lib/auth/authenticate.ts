import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { users } from "@/db/schema";
import { clientIpKey } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/rate-limit";
import { verifyPassword } from "./password";

export const SIGN_IN_LIMITS = {
  perEmail: { limit: 10, windowSeconds: 15 * 60 },
  perIp: { limit: 50, windowSeconds: 15 * 60 },
  /**
   * Attempts whose address is unknown (misconfigured TRUST_PROXY, or a forged chain) share
   * one bucket: high enough that it bounds only the bcrypt time they can spend, and it
   * never holds a client whose address is known.
   */
  unknownIp: { limit: 500, windowSeconds: 15 * 60 },
} as const;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter your email address")),
  password: z.string().min(1, "Enter your password").max(200),
});

export type AuthenticatedUser = { id: string; email: string; name: string | null };

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid_credentials" | "rate_limited" };

/**
 * Checks an email and password. Every attempt counts against a per-email and a
 * per-IP window (kept in Postgres, so it holds across serverless instances), and
 * an unknown email costs as much time as a wrong password.
 */
export async function authenticate(
  db: Database,
  /** ip: clientIp() of lib/http/client-ip, null when the address is unknown. */
  input: { email: string; password: string; ip: string | null },
): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const { email, password } = parsed.data;

  const [byEmail, byIp] = await Promise.all([
    consumeRateLimit(db, `sign-in:email:${email}`, SIGN_IN_LIMITS.perEmail),
    consumeRateLimit(
      db,
      `sign-in:ip:${clientIpKey(input.ip)}`,
      input.ip ? SIGN_IN_LIMITS.perIp : SIGN_IN_LIMITS.unknownIp,
    ),
  ]);
  if (!byEmail.allowed || !byIp.allowed) return { ok: false, reason: "rate_limited" };

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.email, email));
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid) return { ok: false, reason: "invalid_credentials" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
