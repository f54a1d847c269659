import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/drivers";
import { messageTemplates } from "@/db/schema";
import {
  ORDER_MESSAGE_KINDS,
  ORDER_TEMPLATE_MAX_VARIABLES,
  ORDER_TEMPLATE_VALUES,
  type OrderMessageKind,
} from "@/lib/orders/order-message-kinds";
import { type BotSettings, readStoreSettings } from "@/lib/stores/settings";
import { updateStoreSettings } from "@/lib/stores/update-settings";

export type OrderTemplates = BotSettings["orderTemplates"];

/** Form field names: `confirmation_template`, `confirmation_var1` … */
export const templateField = (kind: OrderMessageKind) => `${kind}_template`;
export const variableField = (kind: OrderMessageKind, n: number) => `${kind}_var${n}`;
const VARIABLE_NUMBERS = Array.from({ length: ORDER_TEMPLATE_MAX_VARIABLES }, (_, i) => i + 1);

/** Error keys of the dashboard's `orderTemplates.errors` section. */
export type OrderTemplateError = "unknownTemplate" | "notEnoughVariables" | "variableGap";

export const orderTemplatesFormSchema = z
  .object(
    Object.fromEntries(
      ORDER_MESSAGE_KINDS.flatMap((kind) => [
        [templateField(kind), z.string().trim().max(512).default("")],
        ...VARIABLE_NUMBERS.map((n) => [
          variableField(kind, n),
          z.union([z.enum(ORDER_TEMPLATE_VALUES), z.literal("")]).default(""),
        ]),
      ]),
    ) as Record<string, z.ZodDefault<z.ZodString>>,
  )
  .transform((form, context) => {
    const mapping: OrderTemplates = {};
    for (const kind of ORDER_MESSAGE_KINDS) {
      const name = form[templateField(kind)];
      if (!name) continue;
      const picked = VARIABLE_NUMBERS.map((n) => form[variableField(kind, n)] ?? "");
      let count = picked.length;
      while (count > 0 && !picked[count - 1]) count--;
      const variables = picked.slice(0, count);
      if (variables.some((value) => !value)) {
        context.addIssue({ code: "custom", path: [templateField(kind)], message: "variableGap" });
        continue;
      }
      mapping[kind] = {
        name,
        variables: variables as (typeof ORDER_TEMPLATE_VALUES)[number][],
      };
    }
    return mapping;
  });

export function readOrderTemplates(settings: unknown): OrderTemplates {
  return readStoreSettings(settings).bot.orderTemplates;
}

/**
 * Saves which approved utility template tells the shopper about each kind of order update
 * outside the 24-hour window. A name the store has no utility template of, or fewer mapped
 * variables than the template has, is refused per field; nothing is saved then.
 */
export async function saveOrderTemplates(
  db: Database,
  storeId: string,
  mapping: OrderTemplates,
): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, OrderTemplateError[]> }> {
  const templates = await db
    .select({ name: messageTemplates.name, variableCount: messageTemplates.variableCount })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.storeId, storeId), eq(messageTemplates.category, "utility")));
  const fieldErrors: Record<string, OrderTemplateError[]> = {};
  for (const kind of ORDER_MESSAGE_KINDS) {
    const chosen = mapping[kind];
    if (!chosen) continue;
    const versions = templates.filter((template) => template.name === chosen.name);
    if (versions.length === 0) fieldErrors[templateField(kind)] = ["unknownTemplate"];
    else if (Math.max(...versions.map((v) => v.variableCount)) > chosen.variables.length)
      fieldErrors[templateField(kind)] = ["notEnoughVariables"];
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  await updateStoreSettings(db, storeId, { bot: { orderTemplates: mapping } });
  return { ok: true };
}
