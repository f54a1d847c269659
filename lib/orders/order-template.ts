import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { type Customer, messageTemplates, type Order, stores } from "@/db/schema";
import { formatMoney } from "@/lib/money/format";
import { readStoreSettings } from "@/lib/stores/settings";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import type { OrderMessageKind, OrderTemplateValue } from "./order-message-kinds";

export type OrderTemplateValues = {
  order: Order;
  customer: Pick<Customer, "name">;
  itemsLine: string;
  trackingUrl: string | null;
  amountMinor: number | null;
};

/** Meta refuses empty parameters and ones with line breaks or tabs. */
function parameter(text: string): string {
  const clean = text
    .replace(/[\n\t]+/g, " ")
    .replace(/ {4,}/g, "   ")
    .trim();
  return clean === "" ? "-" : clean;
}

function valueOf(key: OrderTemplateValue, input: OrderTemplateValues, storeName: string): string {
  const { order } = input;
  switch (key) {
    case "order_number":
      return order.number;
    case "customer_name":
      return input.customer.name ?? "";
    case "total":
      return formatMoney(order.totalMinor, order.currency, order.language);
    case "items":
      return input.itemsLine;
    case "tracking_url":
      return input.trackingUrl ?? "";
    case "refund_amount":
      return formatMoney(input.amountMinor ?? 0, order.currency, order.language);
    case "store_name":
      return storeName;
  }
}

/**
 * The store's approved utility template for an order message (Bot settings → Templates):
 * the mapped name in the order's language, else in the store's default language, else in
 * any language the store has it approved; its variables filled as mapped. Otherwise the
 * reason, in words, why there is none.
 */
export async function orderTemplateContent(
  tx: Database,
  kind: OrderMessageKind,
  input: OrderTemplateValues,
): Promise<{ ok: true; content: OutgoingContent } | { ok: false; reason: string }> {
  const [store] = await tx
    .select({
      name: stores.name,
      settings: stores.settings,
      defaultLanguage: stores.defaultLanguage,
    })
    .from(stores)
    .where(eq(stores.id, input.order.storeId));
  const mapping = store ? readStoreSettings(store.settings).bot.orderTemplates[kind] : undefined;
  const label = kind.replace("_", " ");
  if (!store || !mapping) {
    return { ok: false, reason: `No template is set for ${label} messages (Bot → Templates).` };
  }
  const candidates = await tx
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.storeId, input.order.storeId),
        eq(messageTemplates.name, mapping.name),
        eq(messageTemplates.category, "utility"),
        eq(messageTemplates.status, "approved"),
      ),
    );
  const template =
    candidates.find((row) => row.language === input.order.language) ??
    candidates.find((row) => row.language === store.defaultLanguage) ??
    candidates[0];
  if (!template) {
    return {
      ok: false,
      reason: `The ${label} template “${mapping.name}” is not an approved utility template.`,
    };
  }
  if (template.variableCount > mapping.variables.length) {
    return {
      ok: false,
      reason: `The ${label} template “${mapping.name}” has ${template.variableCount} variables but ${mapping.variables.length} are mapped.`,
    };
  }
  return {
    ok: true,
    content: {
      type: "template",
      name: template.name,
      language: template.language,
      bodyParameters: mapping.variables
        .slice(0, template.variableCount)
        .map((key) => parameter(valueOf(key, input, store.name))),
      category: "utility",
    },
  };
}
