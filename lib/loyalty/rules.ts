import { z } from "zod";
import { readStoredOverDefaults } from "@/lib/forms/stored-settings";
import { currencyDigits } from "@/lib/money/format";

/**
 * A programme's rules. Every amount is in the store currency's minor units and every rate
 * an integer, so earning and redeeming are exact: "1 point per ¥100" is
 * `{ earnPoints: 1, earnPerMinor: 100 }`, a 1.25× tier is `multiplierPercent: 125`.
 */

export const LOYALTY_LIMITS = {
  maxPoints: 1_000_000,
  maxTiers: 4,
  maxMultiplierPercent: 1_000,
  maxExpiryMonths: 120,
  maxPendingDays: 365,
} as const;

export const TIER_KEYS = ["member", "silver", "gold", "platinum"] as const;
export type TierKey = (typeof TIER_KEYS)[number];

const points = z
  .number()
  .int("Use a whole number of points")
  .min(0, "Points cannot be negative")
  .max(LOYALTY_LIMITS.maxPoints, "At most 1,000,000 points");

const templateName = z
  .string()
  .regex(/^[a-z0-9_]{1,512}$/, "Use the template's name: lowercase letters, digits and _");

export const tierSchema = z.object({
  key: z.enum(TIER_KEYS),
  name: z.string().trim().min(1, "Give the tier a name").max(40, "At most 40 characters"),
  /** Paid spend over the last 12 months that reaches this tier; the first tier's is 0. */
  thresholdMinor: z.number().int().min(0, "A threshold cannot be negative"),
  multiplierPercent: z
    .number()
    .int()
    .min(100, "A tier earns at least 1×")
    .max(LOYALTY_LIMITS.maxMultiplierPercent, "At most 10×"),
  /** One-off points on reaching the tier, once per tier per year; 0 = none. */
  rewardPoints: points.default(0),
});

export const loyaltyRulesSchema = z
  .object({
    earnPoints: z.number().int().min(1, "Earn at least 1 point").max(10_000),
    earnPerMinor: z.number().int().min(1, "The amount must be positive"),
    /** What one point takes off an order, in minor units (1 point = ¥1 → 1). */
    pointValueMinor: z.number().int().min(1, "A point must be worth something"),
    minRedeemPoints: points,
    maxRedeemPercent: z.number().int().min(1, "At least 1 %").max(100, "At most 100 %"),
    signupBonus: points,
    firstOrderBonus: points,
    birthdayBonus: points,
    /** Days after payment before earned points can be spent (the return window); 0 = at once. */
    pendingDays: z.number().int().min(0).max(LOYALTY_LIMITS.maxPendingDays),
    /** Months without earning or redeeming after which points expire; 0 = never. */
    expiryMonths: z.number().int().min(0).max(LOYALTY_LIMITS.maxExpiryMonths),
    tiers: z.array(tierSchema).min(1).max(LOYALTY_LIMITS.maxTiers),
    /**
     * The approved utility template that warns of expiring points outside the 24-hour
     * window ({{1}} points, {{2}} date, {{3}} programme name); null: no warning then.
     */
    expiryWarningTemplate: templateName.nullable(),
    /** The utility template for the birthday message outside the window ({{1}} points, {{2}} programme name). */
    birthdayTemplate: templateName.nullable().optional(),
  })
  .superRefine((rules, context) => {
    rules.tiers.forEach((tier, index) => {
      if (index === 0 && tier.thresholdMinor !== 0) {
        context.addIssue({
          code: "custom",
          path: ["tiers", index, "thresholdMinor"],
          message: "The first tier starts at 0",
        });
      }
      const previous = rules.tiers[index - 1];
      if (previous && tier.thresholdMinor <= previous.thresholdMinor) {
        context.addIssue({
          code: "custom",
          path: ["tiers", index, "thresholdMinor"],
          message: "Each tier's threshold must be higher than the one before",
        });
      }
      if (previous && tier.key === previous.key) {
        context.addIssue({
          code: "custom",
          path: ["tiers", index, "key"],
          message: "Duplicate tier",
        });
      }
    });
  });

/**
 * Pending points cannot expire (they are not spendable yet), so a return window as long as
 * the shortest expiry period would let points that mature after an expiry escape it. The
 * owner's form refuses it; the schema does not, so a programme stored before this check keeps
 * its rules instead of falling back to the defaults.
 */
export function pendingOutlastsExpiry(
  rules: Pick<LoyaltyRules, "pendingDays" | "expiryMonths">,
): boolean {
  return rules.expiryMonths > 0 && rules.pendingDays >= rules.expiryMonths * 28;
}

export type LoyaltyRules = z.infer<typeof loyaltyRulesSchema>;
export type Tier = z.infer<typeof tierSchema>;

/** Currencies whose default earning unit is not one major unit (¥100, ₩1,000). */
const MAJOR_UNITS_PER_POINT: Record<string, number> = { JPY: 100, KRW: 1_000 };

/**
 * Defaults that give 1 % back in any currency: 1 point per ¥100 / ₩1,000 / one major unit
 * elsewhere ($1, €1, £1, 1 KWD) and per 100 units of other zero-decimal currencies (ISK,
 * VND, CLP), each point worth 1 % of that. Thresholds scale the same way.
 */
export function defaultLoyaltyRules(currency: string): LoyaltyRules {
  const code = currency.toUpperCase();
  const minorPerMajor = 10 ** currencyDigits(code);
  // At least 100 minor units per point, so a point can be worth exactly 1 % of them: one
  // krónur or peso per point would give 100 % back.
  const majorPerPoint = MAJOR_UNITS_PER_POINT[code] ?? Math.max(1, 100 / minorPerMajor);
  const earnPerMinor = majorPerPoint * minorPerMajor;
  const pointValueMinor = Math.max(1, Math.floor(earnPerMinor / 100));
  // 50,000 / 150,000 points' worth of spend: ¥50,000 and ¥150,000, $500 and $1,500.
  const spend = (pointsWorth: number) => pointsWorth * pointValueMinor;
  return {
    earnPoints: 1,
    earnPerMinor,
    pointValueMinor,
    minRedeemPoints: 100,
    maxRedeemPercent: 50,
    signupBonus: 100,
    firstOrderBonus: 0,
    birthdayBonus: 100,
    pendingDays: 0,
    expiryMonths: 12,
    expiryWarningTemplate: null,
    birthdayTemplate: null,
    tiers: [
      { key: "member", name: "Member", thresholdMinor: 0, multiplierPercent: 100, rewardPoints: 0 },
      {
        key: "silver",
        name: "Silver",
        thresholdMinor: spend(50_000),
        multiplierPercent: 125,
        rewardPoints: 0,
      },
      {
        key: "gold",
        name: "Gold",
        thresholdMinor: spend(150_000),
        multiplierPercent: 150,
        rewardPoints: 0,
      },
    ],
  };
}

/** Stored rules over the currency's defaults; rules that no longer validate fall back whole. */
export function readLoyaltyRules(raw: unknown, currency: string): LoyaltyRules {
  return readStoredOverDefaults(loyaltyRulesSchema, defaultLoyaltyRules(currency), raw);
}
