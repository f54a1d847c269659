"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { localizedStoreAction } from "@/lib/auth/localized-store-action";
import { errorState } from "@/lib/forms/action-state";
import { parseRulesForm } from "@/lib/loyalty/rules-form";
import { saveProgramme } from "@/lib/loyalty/save-programme";

export const saveProgrammeAction = localizedStoreAction(
  z.record(z.string(), z.string()),
  (t) => t.loyalty.errors,
  async (values, member, { t }) => {
    const parsed = parseRulesForm(values, member.store.currency, t.loyalty.errors);
    if (!parsed.ok) return errorState(t.loyalty.errors.invalid, parsed.fieldErrors, values);
    await saveProgramme(member.db, member.store.id, parsed.value, member.userId);
    revalidatePath("/dashboard/loyalty");
    return { status: "success", message: t.loyalty.outcomes.saved };
  },
  { role: "owner" },
);
