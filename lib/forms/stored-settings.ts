import type { z } from "zod";

/**
 * Stored JSON settings laid over their defaults: keys the owner saved win, keys they never
 * saw take the defaults. Stored settings that no longer validate (an older shape) fall back
 * to the defaults whole rather than breaking the page.
 */
export function readStoredOverDefaults<Schema extends z.ZodType>(
  schema: Schema,
  defaults: z.infer<Schema>,
  raw: unknown,
): z.infer<Schema> {
  const stored = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const parsed = schema.safeParse({ ...(defaults as object), ...stored });
  return parsed.success ? parsed.data : defaults;
}
