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
import { createStoreWithOwner } from "@/lib/stores/stores";
import { hashPassword } from "./password";

export const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z
    .string()
    .min(10, "Use at least 10 characters")
    .max(200, "Keep the password under 200 characters"),
  storeName: storeNameField,
  whatsappNumber: whatsappNumberField,
  currency: currencyField,
  timezone: timeZoneField,
  defaultLanguage: z.enum(STORE_LANGUAGES).default("en"),
});

export type SignUpInput = z.input<typeof signUpSchema>;

export type SignUpResult =
  | { ok: true; userId: string; store: Store }
  | { ok: false; fieldErrors: Partial<Record<keyof SignUpInput, string[]>> };

/** Creates an owner account and their store in one transaction. */
export async function signUpOwner(
  db: Database,
  input: z.output<typeof signUpSchema>,
  options: { passwordCost?: number } = {},
): Promise<SignUpResult> {
  const passwordHash = await hashPassword(input.password, options.passwordCost);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, passwordHash, name: null })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) {
      return {
        ok: false,
        fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
      } as const;
    }
    const store = await createStoreWithOwner(tx, {
      name: input.storeName,
      whatsappNumber: input.whatsappNumber,
      currency: input.currency,
      timezone: input.timezone,
      defaultLanguage: input.defaultLanguage,
      ownerUserId: user.id,
    });
    return { ok: true, userId: user.id, store } as const;
  });
}
