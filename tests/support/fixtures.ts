import type { Database } from "@/db/drivers";
import { signUpOwner, signUpSchema } from "@/lib/auth/sign-up";

let counter = 0;

/** A new owner with a store, via the real sign-up code (cheap bcrypt cost for speed). */
export async function createOwnerWithStore(
  db: Database,
  overrides: Partial<{ email: string; storeName: string; currency: string; timezone: string }> = {},
) {
  counter += 1;
  const input = signUpSchema.parse({
    email: overrides.email ?? `owner${counter}-${Date.now()}@example.test`,
    password: "correct horse battery",
    storeName: overrides.storeName ?? `Test Store ${counter}`,
    whatsappNumber: "+81 75 123 4567",
    currency: overrides.currency ?? "JPY",
    timezone: overrides.timezone ?? "Asia/Tokyo",
    defaultLanguage: "en",
  });
  const result = await signUpOwner(db, input, { passwordCost: 4 });
  if (!result.ok) throw new Error(`fixture sign-up failed: ${JSON.stringify(result.fieldErrors)}`);
  return {
    userId: result.userId,
    email: input.email,
    password: input.password,
    store: result.store,
  };
}
