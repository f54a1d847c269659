import { priceInputValue } from "@/lib/catalog/price";
import {
  createFieldReader,
  normalizeInput,
  type NumberFieldWords,
  parseScaled,
} from "@/lib/forms/field-reader";
import {
  LOYALTY_LIMITS,
  type LoyaltyRules,
  loyaltyRulesSchema,
  pendingOutlastsExpiry,
  TIER_KEYS,
  type Tier,
} from "./rules";

/**
 * The programme form: what the owner types (amounts in major units, multipliers as "1.25")
 * to exact rules (minor units, percent integers) and back. Pure, so the client's live example
 * and the server action read the form the same way.
 */

export type RulesFormErrors = NumberFieldWords & {
  multiplier: string;
  template: string;
  name: string;
  tierName: string;
  firstTierZero: string;
  thresholdIncreasing: string;
  pendingOutlastsExpiry: string;
  invalid: string;
};

export type ProgrammeInput = { enabled: boolean; name: string; rules: LoyaltyRules };

export type RulesFormResult =
  { ok: true; value: ProgrammeInput } | { ok: false; fieldErrors: Record<string, string[]> };

export const tierField = (index: number, part: "Name" | "Threshold" | "Multiplier" | "Reward") =>
  `tier${index}${part}`;

const INTEGER_FIELDS = {
  earnPoints: [1, 10_000],
  minRedeemPoints: [0, LOYALTY_LIMITS.maxPoints],
  maxRedeemPercent: [1, 100],
  signupBonus: [0, LOYALTY_LIMITS.maxPoints],
  firstOrderBonus: [0, LOYALTY_LIMITS.maxPoints],
  birthdayBonus: [0, LOYALTY_LIMITS.maxPoints],
  pendingDays: [0, LOYALTY_LIMITS.maxPendingDays],
  expiryMonths: [0, LOYALTY_LIMITS.maxExpiryMonths],
} as const;

export function parseRulesForm(
  values: Record<string, string>,
  currency: string,
  words: RulesFormErrors,
): RulesFormResult {
  const { errors, fail, integer, amount } = createFieldReader(values, words, currency);
  const name = normalizeInput(values.name);
  if (name === "" || name.length > 60) fail("name", words.name);
  const numbers = Object.fromEntries(
    Object.entries(INTEGER_FIELDS).map(([field, [min, max]]) => [field, integer(field, min, max)]),
  ) as Record<keyof typeof INTEGER_FIELDS, number | null>;
  const earnPerMinor = amount("earnPer", false);
  const pointValueMinor = amount("pointValue", false);
  const templateName = (field: "expiryWarningTemplate" | "birthdayTemplate") => {
    const name = normalizeInput(values[field]);
    if (name !== "" && !/^[a-z0-9_]{1,512}$/.test(name)) fail(field, words.template);
    return name === "" ? null : name;
  };
  const expiryWarningTemplate = templateName("expiryWarningTemplate");
  const birthdayTemplate = templateName("birthdayTemplate");

  const tiers: Tier[] = [];
  for (const [index, key] of TIER_KEYS.entries()) {
    const tierName = normalizeInput(values[tierField(index, "Name")]);
    if (index > 0 && tierName === "") continue;
    if (tierName === "" || tierName.length > 40) fail(tierField(index, "Name"), words.tierName);
    const threshold = amount(tierField(index, "Threshold"), true);
    const multiplier = parseScaled(normalizeInput(values[tierField(index, "Multiplier")]), 2);
    const multiplierOk =
      typeof multiplier === "number" &&
      multiplier >= 100 &&
      multiplier <= LOYALTY_LIMITS.maxMultiplierPercent;
    if (!multiplierOk) fail(tierField(index, "Multiplier"), words.multiplier);
    const reward = integer(tierField(index, "Reward"), 0, LOYALTY_LIMITS.maxPoints);
    const previous = tiers.at(-1);
    if (threshold !== null && index === 0 && threshold !== 0) {
      fail(tierField(index, "Threshold"), words.firstTierZero);
    } else if (threshold !== null && previous && threshold <= previous.thresholdMinor) {
      fail(tierField(index, "Threshold"), words.thresholdIncreasing);
    }
    tiers.push({
      key,
      name: tierName,
      thresholdMinor: threshold ?? 0,
      multiplierPercent: multiplierOk ? (multiplier as number) : 100,
      rewardPoints: reward ?? 0,
    });
  }
  const { pendingDays, expiryMonths } = numbers;
  if (
    pendingDays !== null &&
    expiryMonths !== null &&
    pendingOutlastsExpiry({ pendingDays, expiryMonths })
  ) {
    fail("pendingDays", words.pendingOutlastsExpiry);
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };

  const rules = loyaltyRulesSchema.safeParse({
    ...numbers,
    earnPerMinor,
    pointValueMinor,
    expiryWarningTemplate,
    birthdayTemplate,
    tiers,
  });
  // The checks above cover every rule; the schema stays the last word on what is stored.
  if (!rules.success) return { ok: false, fieldErrors: { form: [words.invalid] } };
  return { ok: true, value: { enabled: values.enabled === "on", name, rules: rules.data } };
}

/** The form's values for stored rules: the inverse of parseRulesForm. */
export function rulesFormValues(programme: ProgrammeInput, currency: string) {
  const { rules } = programme;
  const values: Record<string, string> = {
    name: programme.name,
    earnPer: priceInputValue(rules.earnPerMinor, currency),
    pointValue: priceInputValue(rules.pointValueMinor, currency),
    expiryWarningTemplate: rules.expiryWarningTemplate ?? "",
    birthdayTemplate: rules.birthdayTemplate ?? "",
  };
  if (programme.enabled) values.enabled = "on";
  for (const field of Object.keys(INTEGER_FIELDS) as (keyof typeof INTEGER_FIELDS)[]) {
    values[field] = String(rules[field]);
  }
  rules.tiers.forEach((tier, index) => {
    values[tierField(index, "Name")] = tier.name;
    values[tierField(index, "Threshold")] = priceInputValue(tier.thresholdMinor, currency);
    values[tierField(index, "Multiplier")] = (tier.multiplierPercent / 100).toFixed(2);
    values[tierField(index, "Reward")] = String(tier.rewardPoints);
  });
  return values;
}
