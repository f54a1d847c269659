"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { env } from "@/lib/env";
import { stripeCredentialsSchema } from "@/lib/stores/credential-forms";
import { saveCredential } from "@/lib/stores/credentials";

export const saveStripeCredentialsAction = inMemberLanguage(
  "settings",
  storeAction(
    stripeCredentialsSchema,
    async (input, member) => {
      const { db, store } = member;
      const key = env().ENCRYPTION_KEY;
      await db.transaction(async (tx) => {
        if (input.secretKey)
          await saveCredential(tx, store.id, "stripe_secret_key", input.secretKey, key);
        if (input.webhookSecret)
          await saveCredential(tx, store.id, "stripe_webhook_secret", input.webhookSecret, key);
      });
      revalidatePath("/dashboard/settings");
      const changed = Boolean(input.secretKey || input.webhookSecret);
      return {
        status: "success",
        message: changed ? "Stripe settings saved." : "Nothing to change.",
      };
    },
    { role: "owner" },
  ),
);
