import { z } from "zod";
import { LOYALTY_LIMITS } from "./rules";

export const ADJUST_NOTE_MAX = 300;

/**
 * The manual adjustment form. Messages are keys of the dictionary's `loyalty.errors`:
 * a whole number of points, not zero, within ±1,000,000; a reason; the page's request key.
 */
export const adjustFormSchema = z.object({
  customerId: z.uuid("not_found"),
  delta: z
    .string("deltaNumber")
    .transform((text) => text.normalize("NFKC").trim().replaceAll("−", "-").replaceAll(",", ""))
    .pipe(
      z
        .string()
        .regex(/^[-+]?\d+(\.\d+)?$/, "deltaNumber")
        .transform(Number)
        .pipe(
          z
            .number()
            .int("deltaWhole")
            .refine((value) => value !== 0, "deltaZero")
            .refine((value) => Math.abs(value) <= LOYALTY_LIMITS.maxPoints, "deltaRange"),
        ),
    ),
  note: z.string("noteRequired").trim().min(1, "noteRequired").max(ADJUST_NOTE_MAX, "noteLong"),
  requestKey: z.uuid("invalid"),
});
