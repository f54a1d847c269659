import { pointsForPayment } from "./calculate";
import { defaultLoyaltyRules, type LoyaltyRules } from "./rules";

/**
 * The live example's order: ¥4,800, or what earns the same 48 points under the currency's
 * defaults elsewhere ($48, ₩48,000).
 */
export function exampleOrderMinor(currency: string): number {
  return 48 * defaultLoyaltyRules(currency).earnPerMinor;
}

export type TierExample = { name: string; points: number; valueMinor: number };

/** What the example order earns at each tier, and what those points are worth. */
export function tierExamples(rules: LoyaltyRules, orderMinor: number): TierExample[] {
  return rules.tiers.map((tier) => {
    const points = pointsForPayment(orderMinor, rules, tier);
    return { name: tier.name, points, valueMinor: points * rules.pointValueMinor };
  });
}
