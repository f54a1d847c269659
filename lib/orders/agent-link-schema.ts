import { z } from "zod";
import { MAX_ORDER_LINES, MAX_ORDER_QUANTITY } from "./limits";

export const AGENT_NOTE_MAX_LENGTH = 500;
/** The picker names each quantity field after its product: `qty:<productId>`. */
export const QUANTITY_FIELD_PREFIX = "qty:";

/** The picker's fields become `lines` (quantities above zero); blanks and zeros are skipped. */
function collectLines(values: unknown): unknown {
  if (typeof values !== "object" || values === null) return values;
  const record = values as Record<string, unknown>;
  const lines: { productId: string; quantity: unknown }[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith(QUANTITY_FIELD_PREFIX)) continue;
    const text = typeof value === "string" ? value.normalize("NFKC").trim() : value;
    if (text === "" || text === "0") continue;
    lines.push({ productId: key.slice(QUANTITY_FIELD_PREFIX.length), quantity: text });
  }
  return { ...record, lines };
}

// Messages are keys of the `inbox.sendLink.errors` dictionary section.
export const sendPaymentLinkSchema = z.preprocess(
  collectLines,
  z.object({
    conversationId: z.uuid("conversation"),
    note: z.string().trim().max(AGENT_NOTE_MAX_LENGTH, "note").optional().default(""),
    lines: z
      .array(
        z.object({
          productId: z.uuid("products"),
          quantity: z
            .string("quantity")
            .regex(/^\d+$/, "quantity")
            .transform(Number)
            .pipe(z.number().int().min(1, "quantity").max(MAX_ORDER_QUANTITY, "quantity")),
        }),
      )
      .min(1, "empty")
      .max(MAX_ORDER_LINES, "tooMany"),
  }),
);

export type SendPaymentLinkForm = z.output<typeof sendPaymentLinkSchema>;
