"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { localizedStoreAction } from "@/lib/auth/localized-store-action";
import { errorState } from "@/lib/forms/action-state";
import { formatMessage } from "@/lib/i18n/messages";
import { saveRecoverySettings } from "@/lib/recovery/save-settings";
import { parseRecoveryForm } from "@/lib/recovery/settings-form";

export const saveRecoverySettingsAction = localizedStoreAction(
  z.record(z.string(), z.string()),
  (t) => t.recoverySettings.errors,
  async (values, member, { t }) => {
    const words = t.recoverySettings.errors;
    const parsed = parseRecoveryForm(values, member.store.currency, words);
    if (!parsed.ok) return errorState(words.invalid, parsed.fieldErrors, values);
    const saved = await saveRecoverySettings(
      member.db,
      member.store.id,
      parsed.value,
      member.userId,
    );
    if (!saved.ok) {
      const fieldErrors = Object.fromEntries(
        saved.problems.map((problem) => [
          problem.field,
          [
            problem.error === "notEnoughVariables"
              ? formatMessage(words.notEnoughVariables, { count: problem.count })
              : words.unknownTemplate,
          ],
        ]),
      );
      return errorState(words.invalid, fieldErrors, values);
    }
    revalidatePath("/dashboard/recovery", "layout");
    return { status: "success", message: t.recoverySettings.outcomes.saved };
  },
  { role: "owner" },
);
