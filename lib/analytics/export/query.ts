import { z } from "zod";
import {
  type AnalyticsWindow,
  MAX_RANGE_DAYS,
  parseAnalyticsRange,
  RANGE_PRESETS,
} from "@/lib/analytics/range";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day as YYYY-MM-DD");

/** The export's query: the analytics pages' range params (`?range=30d`, `?range=custom&from&to`). */
const exportQuerySchema = z
  .object({
    range: z.enum(RANGE_PRESETS).default("30d"),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((query) => query.range !== "custom" || (query.from && query.to), {
    message: "a custom range needs from and to",
    path: ["range"],
  });

export type ExportQueryResult =
  | { ok: true; window: AnalyticsWindow }
  | { ok: false; message: string; issues: Record<string, string[]> };

/**
 * The days an export covers, in the store's time zone. Unlike the pages, which show 30 days
 * for a range they cannot use, an export refuses it: a file must hold what was asked for.
 */
export function parseExportQuery(
  params: URLSearchParams,
  timezone: string,
  now: Date,
): ExportQueryResult {
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const flattened = z.flattenError(parsed.error);
    const issues = { ...flattened.fieldErrors } as Record<string, string[]>;
    if (flattened.formErrors.length > 0) issues.range = flattened.formErrors;
    return { ok: false, message: "The export's range is not valid.", issues };
  }
  const range = parseAnalyticsRange(parsed.data, timezone, now);
  if (range.invalid) {
    return {
      ok: false,
      message: `A custom range needs real days with from ≤ to ≤ today, at most ${MAX_RANGE_DAYS} days.`,
      issues: { range: ["from/to out of bounds"] },
    };
  }
  return { ok: true, window: range.current };
}
