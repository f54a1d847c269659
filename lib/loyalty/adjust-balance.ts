import "server-only";
import type { z } from "zod";
import type { Database } from "@/db/drivers";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { type ActionState, errorState } from "@/lib/forms/action-state";
import { adjustPoints } from "./adjust";
import type { adjustFormSchema } from "./adjust-form";

/** The adjustment form's outcome in the member's words: a refusal names its field. */
export async function adjustBalance(
  db: Database,
  storeId: string,
  memberId: string,
  input: z.output<typeof adjustFormSchema>,
  { t, format }: Pick<DashboardStrings, "t" | "format">,
  now = new Date(),
): Promise<ActionState> {
  const words = t.loyalty;
  const result = await adjustPoints(db, {
    storeId,
    customerId: input.customerId,
    delta: input.delta,
    note: input.note,
    memberId,
    requestKey: input.requestKey,
    now,
  });
  if (result.ok) {
    const delta = `${input.delta > 0 ? "+" : ""}${format.number(input.delta)}`;
    return { status: "success", message: formatMessage(words.outcomes.adjusted, { delta }) };
  }
  const values = { customerId: input.customerId, delta: String(input.delta), note: input.note };
  switch (result.reason) {
    case "duplicate":
      return { status: "success", message: words.outcomes.alreadyAdjusted };
    case "no_account":
      return errorState(words.errors.not_found, {}, values);
    case "out_of_range":
      return errorState(words.errors.deltaRange, { delta: [words.errors.deltaRange] }, values);
    case "below_available": {
      const message = formatMessage(words.errors.below_available, {
        available: format.number(result.available ?? 0),
      });
      return errorState(message, { delta: [message] }, values);
    }
  }
}
