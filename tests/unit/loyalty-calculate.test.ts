import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  nextTier,
  pointsExpireAt,
  pointsForPayment,
  proportionalShare,
  redemptionOffer,
  tierByKey,
  tierForSpend,
} from "@/lib/loyalty/calculate";
import { defaultLoyaltyRules } from "@/lib/loyalty/rules";

const member = (currency: string) => defaultLoyaltyRules(currency).tiers[0]!;

describe("earning per currency", () => {
  it.each([
    // currency, paid (minor units), points at 1×, a point's value (minor units)
    ["JPY", 4_899, 48, 1],
    ["USD", 1_999, 19, 1],
    ["EUR", 99, 0, 1],
    ["EUR", 10_050, 100, 1],
    ["KRW", 15_999, 15, 10],
    ["KWD", 12_345, 12, 10],
    // Zero-decimal currencies without an entry of their own earn like the yen: 1 per 100.
    ["ISK", 4_899, 48, 1],
  ])("%s: %i minor units earn %i points, rounded down", (currency, paid, points, value) => {
    const rules = defaultLoyaltyRules(currency);
    expect(pointsForPayment(paid, rules, member(currency))).toBe(points);
    expect(rules.pointValueMinor).toBe(value);
  });

  it("a tier's multiplier applies before rounding down", () => {
    const rules = defaultLoyaltyRules("JPY");
    const silver = tierByKey("silver", rules.tiers);
    const gold = tierByKey("gold", rules.tiers);
    expect(pointsForPayment(4_800, rules, silver)).toBe(60);
    expect(pointsForPayment(4_899, rules, silver)).toBe(61); // 61.2375
    expect(pointsForPayment(4_899, rules, gold)).toBe(73); // 73.485
    expect(pointsForPayment(0, rules, gold)).toBe(0);
    expect(pointsForPayment(-500, rules, gold)).toBe(0);
  });

  it("stays exact for amounts past 2^53 / 100", () => {
    const rules = { ...defaultLoyaltyRules("USD"), earnPoints: 7, earnPerMinor: 1_000 };
    const paid = 2 ** 52 + 1;
    const expected = (BigInt(paid) * 7n * 100n) / 100_000n;
    expect(BigInt(pointsForPayment(paid, rules, member("USD")))).toBe(expected);
  });
});

describe("defaults per currency", () => {
  it.each(["JPY", "USD", "EUR", "GBP", "KRW", "KWD", "ISK", "VND", "CLP"])(
    "%s: 1 point per unit spent is worth exactly 1 % of it",
    (currency) => {
      const rules = defaultLoyaltyRules(currency);
      expect(rules.pointValueMinor * 100 * rules.earnPoints).toBe(rules.earnPerMinor);
      expect(rules.maxRedeemPercent).toBe(50);
      expect(rules.minRedeemPoints).toBe(100);
    },
  );
});

describe("proportionalShare", () => {
  it("reversals over any split of refunds add up to at most what was earned, exactly on a full refund", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (earned, total, weights, refundAll) => {
          const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
          let refunded = 0;
          let reversed = 0;
          for (const [index, weight] of weights.entries()) {
            const last = index === weights.length - 1;
            const part =
              last && refundAll ? total - refunded : Math.floor((total * weight) / weightSum / 2);
            refunded = Math.min(total, refunded + part);
            const owed = proportionalShare(earned, refunded, total) - reversed;
            expect(owed).toBeGreaterThanOrEqual(0);
            reversed += owed;
            expect(reversed).toBeLessThanOrEqual(earned);
          }
          if (refundAll) expect(reversed).toBe(earned);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("is 0 for nothing and the whole for everything or more", () => {
    expect(proportionalShare(100, 0, 1000)).toBe(0);
    expect(proportionalShare(0, 10, 1000)).toBe(0);
    expect(proportionalShare(100, 1000, 1000)).toBe(100);
    expect(proportionalShare(100, 2000, 1000)).toBe(100);
    expect(proportionalShare(100, 333, 1000)).toBe(33);
  });
});

describe("tiers", () => {
  const { tiers } = defaultLoyaltyRules("JPY");

  it.each([
    [0, "member"],
    [49_999, "member"],
    [50_000, "silver"],
    [149_999, "silver"],
    [150_000, "gold"],
    [10_000_000, "gold"],
  ])("¥%i over 12 months reaches %s", (spend, key) => {
    expect(tierForSpend(spend, tiers).key).toBe(key);
  });

  it("says what the next tier needs, and nothing at the top", () => {
    expect(nextTier(20_000, tiers[0]!, tiers)).toMatchObject({
      tier: { key: "silver" },
      neededMinor: 30_000,
    });
    expect(nextTier(0, tiers[2]!, tiers)).toBeNull();
    expect(tierByKey("platinum", tiers).key).toBe("member");
  });
});

describe("addMonths and pointsExpireAt", () => {
  it.each([
    ["2025-01-31T10:00:00.000Z", 1, "2025-02-28T10:00:00.000Z"],
    ["2024-01-31T10:00:00.000Z", 1, "2024-02-29T10:00:00.000Z"],
    ["2024-02-29T00:00:00.000Z", 12, "2025-02-28T00:00:00.000Z"],
    ["2024-02-29T00:00:00.000Z", 48, "2028-02-29T00:00:00.000Z"],
    ["2025-03-31T23:59:59.999Z", -1, "2025-02-28T23:59:59.999Z"],
    ["2025-12-31T12:00:00.000Z", 1, "2026-01-31T12:00:00.000Z"],
    ["2025-08-31T00:00:00.000Z", 1, "2025-09-30T00:00:00.000Z"],
    ["2025-05-15T08:30:00.000Z", 12, "2026-05-15T08:30:00.000Z"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(addMonths(new Date(from), months).toISOString()).toBe(expected);
  });

  it("expires N months after the last activity; never with 0 months or no activity", () => {
    const rules = defaultLoyaltyRules("JPY");
    const last = new Date("2024-02-29T09:00:00.000Z");
    expect(pointsExpireAt(last, rules)?.toISOString()).toBe("2025-02-28T09:00:00.000Z");
    expect(pointsExpireAt(last, { ...rules, expiryMonths: 0 })).toBeNull();
    expect(pointsExpireAt(null, rules)).toBeNull();
  });
});

describe("redemptionOffer", () => {
  const jpy = defaultLoyaltyRules("JPY");

  it("needs the minimum, caps at the programme's share, and is limited by the balance", () => {
    expect(redemptionOffer(99, 10_000, jpy)).toBeNull();
    expect(redemptionOffer(100, 10_000, jpy)).toEqual({ points: 100, discountMinor: 100 });
    expect(redemptionOffer(10_000, 4_800, jpy)).toEqual({ points: 2_400, discountMinor: 2_400 });
    expect(redemptionOffer(10_000, 150, jpy)).toBeNull(); // 50 % of ¥150 is under the minimum
    expect(redemptionOffer(0, 4_800, jpy)).toBeNull();
    expect(redemptionOffer(500, 0, jpy)).toBeNull();
  });

  it("never pays the whole total, even at 100 %", () => {
    const all = { ...jpy, maxRedeemPercent: 100 };
    expect(redemptionOffer(10_000, 500, all)).toEqual({ points: 499, discountMinor: 499 });
  });

  it("rounds down to whole points when a point is worth several minor units", () => {
    const krw = defaultLoyaltyRules("KRW");
    expect(redemptionOffer(5_000, 15_015, krw)).toEqual({ points: 750, discountMinor: 7_500 });
  });

  it("stays within the balance, the share and the total for any order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1_000 }),
        (available, total, percent, value, minimum) => {
          const rules = {
            ...jpy,
            maxRedeemPercent: percent,
            pointValueMinor: value,
            minRedeemPoints: minimum,
          };
          const offer = redemptionOffer(available, total, rules);
          if (!offer) return;
          expect(offer.points).toBeLessThanOrEqual(available);
          expect(offer.points).toBeGreaterThanOrEqual(Math.max(1, minimum));
          expect(offer.discountMinor).toBe(offer.points * value);
          expect(offer.discountMinor).toBeLessThan(total);
          expect(offer.discountMinor * 100).toBeLessThanOrEqual(total * percent);
        },
      ),
      { numRuns: 500 },
    );
  });
});
