import { z } from "zod";
import { readStoredOverDefaults } from "@/lib/forms/stored-settings";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";

/**
 * A store's recovery sequence (DESIGN §4d). Times are minutes; amounts are integer minor
 * units or whole percentages. Defaults follow the issue: 60 min to abandon, steps at
 * 1 h / 24 h / 72 h, quiet 21:00–09:00, one message per customer per 24 h, one sequence per
 * customer per 7 days, a recovered order counted within 5 days of a delivered reminder.
 */

export const RECOVERY_LIMITS = {
  abandonMinutes: { min: 15, max: 24 * 60 },
  maxSteps: 3,
  stepDelayMinutes: { min: 15, max: 30 * 24 * 60 },
  attributionDays: { min: 1, max: 30 },
  sequenceGapDays: { min: 1, max: 90 },
  incentiveHours: { min: 1, max: 30 * 24 },
  textMax: 700,
} as const;

/** What a reminder's text and template variables can name. */
export const REMINDER_VARIABLES = ["name", "items", "total", "link", "incentive"] as const;
export type ReminderVariable = (typeof REMINDER_VARIABLES)[number];

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use 24-hour HH:MM, e.g. 21:00");

export const incentiveSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("percent"),
    percent: z.number().int().min(1, "At least 1 %").max(100, "At most 100 %"),
    validHours: z.number().int().min(1).max(RECOVERY_LIMITS.incentiveHours.max),
  }),
  z.object({
    kind: z.literal("amount"),
    amountMinor: z.number().int().min(1, "The amount must be positive"),
    validHours: z.number().int().min(1).max(RECOVERY_LIMITS.incentiveHours.max),
  }),
]);

export const recoveryStepSchema = z.object({
  delayMinutes: z
    .number()
    .int()
    .min(RECOVERY_LIMITS.stepDelayMinutes.min, "At least 15 minutes")
    .max(RECOVERY_LIMITS.stepDelayMinutes.max, "At most 30 days"),
  /** Free-form text per shopper language; {name}, {items}, {total}, {link}. */
  texts: z.partialRecord(
    z.enum(SHOPPER_LANGUAGES),
    z.string().trim().max(RECOVERY_LIMITS.textMax, "At most 700 characters"),
  ),
  /** The approved template used outside the 24-hour window; null: skipped there. */
  template: z
    .object({
      name: z.string().regex(/^[a-z0-9_]{1,512}$/),
      language: z.string().min(2).max(15),
      variables: z.array(z.enum(REMINDER_VARIABLES)).max(10),
    })
    .nullable(),
  incentive: incentiveSchema.nullable(),
});

export const recoverySettingsSchema = z
  .object({
    abandonAfterMinutes: z
      .number()
      .int()
      .min(RECOVERY_LIMITS.abandonMinutes.min, "At least 15 minutes")
      .max(RECOVERY_LIMITS.abandonMinutes.max, "At most 24 hours"),
    steps: z.array(recoveryStepSchema).min(1).max(RECOVERY_LIMITS.maxSteps, "At most 3 steps"),
    quietHours: z
      .object({ start: timeOfDay, end: timeOfDay })
      .refine((quiet) => quiet.start !== quiet.end, {
        message: "Quiet hours must start and end at different times",
      }),
    sequenceGapDays: z
      .number()
      .int()
      .min(RECOVERY_LIMITS.sequenceGapDays.min)
      .max(RECOVERY_LIMITS.sequenceGapDays.max),
    attributionDays: z
      .number()
      .int()
      .min(RECOVERY_LIMITS.attributionDays.min, "At least 1 day")
      .max(RECOVERY_LIMITS.attributionDays.max, "At most 30 days"),
  })
  .superRefine((settings, context) => {
    settings.steps.forEach((step, index) => {
      const previous = settings.steps[index - 1];
      if (previous && step.delayMinutes <= previous.delayMinutes) {
        context.addIssue({
          code: "custom",
          path: ["steps", index, "delayMinutes"],
          message: "Each step must come after the one before",
        });
      }
    });
  });

export type RecoverySettings = z.infer<typeof recoverySettingsSchema>;
export type RecoveryStepSettings = z.infer<typeof recoveryStepSchema>;
export type Incentive = z.infer<typeof incentiveSchema>;

/** The offer's amount off an order of `totalMinor` (a percentage rounds down). */
export function incentiveAmountMinor(incentive: Incentive, totalMinor: number): number {
  return incentive.kind === "percent"
    ? Math.floor((totalMinor * incentive.percent) / 100)
    : incentive.amountMinor;
}

export function defaultRecoverySettings(): RecoverySettings {
  const hour = 60;
  return {
    abandonAfterMinutes: 60,
    steps: [
      {
        delayMinutes: hour,
        texts: {
          en: "Hi {name}, you left {items} in your cart. Pay in one tap: {link}",
          ja: "{name}様、カートに{items}が残っています。こちらからお支払いいただけます：{link}",
        },
        template: null,
        incentive: null,
      },
      {
        delayMinutes: 24 * hour,
        texts: {
          en: "Still thinking about {items}? Your cart ({total}) is waiting: {link}",
          ja: "{items}はいかがでしょうか。カート（{total}）はこちらです：{link}",
        },
        template: null,
        incentive: null,
      },
      {
        delayMinutes: 72 * hour,
        texts: {
          en: "Last reminder: {items} ({total}). Pay here: {link}",
          ja: "最後のお知らせです：{items}（{total}）。お支払いはこちら：{link}",
        },
        template: null,
        incentive: null,
      },
    ],
    quietHours: { start: "21:00", end: "09:00" },
    sequenceGapDays: 7,
    attributionDays: 5,
  };
}

/** Stored settings over the defaults; settings that no longer validate fall back whole. */
export function readRecoverySettings(raw: unknown): RecoverySettings {
  return readStoredOverDefaults(recoverySettingsSchema, defaultRecoverySettings(), raw);
}
