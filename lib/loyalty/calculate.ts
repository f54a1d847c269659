import type { LoyaltyRules, Tier } from "./rules";

/** floor(a × b / c) on integers without the rounding of large doubles. */
function mulDivFloor(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * Points earned on `paidMinor` (what was actually paid: after discounts, without redeemed
 * points or shipping) at a tier's multiplier, rounded down.
 */
export function pointsForPayment(paidMinor: number, rules: LoyaltyRules, tier: Tier): number {
  if (paidMinor <= 0) return 0;
  return mulDivFloor(
    paidMinor,
    rules.earnPoints * tier.multiplierPercent,
    rules.earnPerMinor * 100,
  );
}

/** The tier 12 months' paid spend reaches: the highest whose threshold it meets. */
export function tierForSpend(spendMinor: number, tiers: readonly Tier[]): Tier {
  let reached = tiers[0]!;
  for (const tier of tiers) if (spendMinor >= tier.thresholdMinor) reached = tier;
  return reached;
}

export function tierByKey(key: string, tiers: readonly Tier[]): Tier {
  return tiers.find((tier) => tier.key === key) ?? tiers[0]!;
}

/** The next tier above `current` and the spend still needed to reach it; null at the top. */
export function nextTier(
  spendMinor: number,
  current: Tier,
  tiers: readonly Tier[],
): { tier: Tier; neededMinor: number } | null {
  const next = tiers.find((tier) => tier.thresholdMinor > current.thresholdMinor);
  return next ? { tier: next, neededMinor: Math.max(0, next.thresholdMinor - spendMinor) } : null;
}

/**
 * The share of `whole` that `part` out of `of` stands for, rounded down and never above
 * `whole`. Used cumulatively — the reversal owed after refunds totalling R of a total T is
 * proportionalShare(earned, R, T) minus what was already reversed — so however a refund is
 * split, the reversals add up to at most what was earned, and to exactly that when all of
 * it is refunded.
 */
export function proportionalShare(whole: number, part: number, of: number): number {
  if (whole <= 0 || part <= 0) return 0;
  if (of <= 0 || part >= of) return whole;
  return mulDivFloor(whole, part, of);
}

export type RedemptionOffer = { points: number; discountMinor: number };

/**
 * The most a member may use on an order of `totalMinor`: their available points, capped
 * by the programme's share of the order and rounded down to whole points; null below the
 * minimum.
 */
export function redemptionOffer(
  availablePoints: number,
  totalMinor: number,
  rules: LoyaltyRules,
): RedemptionOffer | null {
  if (availablePoints <= 0 || totalMinor <= 0) return null;
  // Something is always left to pay: Checkout cannot take a zero total.
  const maxDiscountMinor = Math.min(
    mulDivFloor(totalMinor, rules.maxRedeemPercent, 100),
    totalMinor - 1,
  );
  const points = Math.min(availablePoints, Math.floor(maxDiscountMinor / rules.pointValueMinor));
  if (points < Math.max(1, rules.minRedeemPoints)) return null;
  return { points, discountMinor: points * rules.pointValueMinor };
}

/** `date` plus whole calendar months (UTC), the day clamped to the month's end. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** When available points expire after the last earn or redeem; null when they never do. */
export function pointsExpireAt(lastActivityAt: Date | null, rules: LoyaltyRules): Date | null {
  if (!lastActivityAt || rules.expiryMonths === 0) return null;
  return addMonths(lastActivityAt, rules.expiryMonths);
}

/** Points earned on a payment at `paidAt` become available after the return window. */
export function earnAvailableAt(paidAt: Date, rules: LoyaltyRules): Date {
  return new Date(paidAt.getTime() + rules.pendingDays * 24 * 60 * 60 * 1000);
}
