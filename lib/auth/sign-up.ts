import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { type Store, users } from "@/db/schema";
import {
  STORE_LANGUAGES,
  currencyField,
  storeNameField,
  timeZoneField,
  whatsappNumberField,
} from "@/lib/stores/profile-schema";
import { clientIpKey } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/rate-limit";
import { reservedStoreNameProblem, storeSlugField } from "@/lib/stores/slugs";
import { createStoreWithOwner } from "@/lib/stores/stores";
import { hashPassword } from "./password";

export const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z
    .string()
    .min(10, "Use at least 10 characters")
    .max(200, "Keep the password under 200 characters"),
  storeName: storeNameField,
  storeSlug: storeSlugField,
  whatsappNumber: whatsappNumberField,
  currency: currencyField,
  timezone: timeZoneField,
  defaultLanguage: z.enum(STORE_LANGUAGES).default("en"),
});

export type SignUpInput = z.input<typeof signUpSchema>;

export const SIGN_UP_LIMITS = {
  /** Attempts per client address (an unknown address shares one such bucket). */
  perIp: { limit: 5, windowSeconds: 60 * 60 },
  /** All attempts together: bounds the bcrypt time sign-up can be made to spend. */
  global: { limit: 300, windowSeconds: 60 * 60 },
} as const;

export type SignUpFieldErrors = Partial<Record<keyof SignUpInput, string[]>>;

export type SignUpResult =
  { ok: true; userId: string; store: Store } | { ok: false; fieldErrors: SignUpFieldErrors };

export type RateLimitedSignUp = { ok: false; rateLimited: true; retryAt: Date };

export type SignUpOptions = {
  passwordCost?: number;
  /** The password hasher (tests count its calls); bcrypt by default. */
  hashPassword?: (password: string, cost?: number) => Promise<string>;
};

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

/** Rolls the sign-up transaction back when the store cannot be created. */
class StoreRefused extends Error {
  constructor(readonly fieldErrors: SignUpFieldErrors) {
    super("store refused");
  }
}

/**
 * Sign-up as the form reaches it: every attempt counts against the client's address and
 * against all sign-ups (in Postgres, like sign-in), then signUpOwner runs.
 */
export async function signUpWithRateLimits(
  db: Database,
  input: z.output<typeof signUpSchema>,
  options: SignUpOptions & { ip: string | null },
): Promise<SignUpResult | RateLimitedSignUp> {
  const [byIp, overall] = await Promise.all([
    consumeRateLimit(db, `sign-up:ip:${clientIpKey(options.ip)}`, SIGN_UP_LIMITS.perIp),
    consumeRateLimit(db, "sign-up:all", SIGN_UP_LIMITS.global),
  ]);
  if (!byIp.allowed || !overall.allowed) {
    const blocking = [byIp, overall].filter((result) => !result.allowed);
    const retryAt = new Date(Math.max(...blocking.map((result) => result.resetAt.getTime())));
    return { ok: false, rateLimited: true, retryAt };
  }
  return signUpOwner(db, input, options);
}

/**
 * Creates an owner account and their store in one transaction. The cheap checks (store
 * name, email taken) come first, and exactly one password hash follows whether or not the
 * email is taken, so the answer takes as long either way (docs/ARCHITECTURE.md, "Sign-up").
 */
export async function signUpOwner(
  db: Database,
  input: z.output<typeof signUpSchema>,
  options: SignUpOptions = {},
): Promise<SignUpResult> {
  const reserved = input.storeSlug ? null : reservedStoreNameProblem(input.storeName);
  if (reserved) return { ok: false, fieldErrors: { storeName: [reserved] } };

  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, input.email));
  const hash = options.hashPassword ?? hashPassword;
  const passwordHash = await hash(input.password, options.passwordCost);
  if (existing) return { ok: false, fieldErrors: { email: [EMAIL_TAKEN] } };

  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, passwordHash, name: null })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      // Registered by a concurrent sign-up since the check above.
      if (!user) return { ok: false, fieldErrors: { email: [EMAIL_TAKEN] } } as const;
      const created = await createStoreWithOwner(tx, {
        name: input.storeName,
        whatsappNumber: input.whatsappNumber,
        currency: input.currency,
        timezone: input.timezone,
        defaultLanguage: input.defaultLanguage,
        ownerUserId: user.id,
        slug: input.storeSlug,
      });
      if (!created.ok) {
        const field = created.reason === "slug_taken" ? "storeSlug" : "storeName";
        throw new StoreRefused({ [field]: [created.message] });
      }
      return { ok: true, userId: user.id, store: created.store } as const;
    });
  } catch (error) {
    if (error instanceof StoreRefused) return { ok: false, fieldErrors: error.fieldErrors };
    throw error;
  }
}
