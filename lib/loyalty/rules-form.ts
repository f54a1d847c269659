import { formatMessage } from "@/lib/i18n/messages";
import { priceInputValue } from "@/lib/catalog/price";
import { currencyDigits } from "@/lib/money/format";
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

export type RulesFormErrors = {
  required: string;
  number: string;
  wholeNumber: string;
  min: string;
  max: string;
  amount: string;
  positiveAmount: string;
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

const normalize = (text: string | undefined) =>
  (text ?? "").normalize("NFKC").trim().replaceAll("−", "-");

/** An exact decimal with at most `digits` decimals, scaled to an integer ("1.25", 2 → 125). */
function parseScaled(text: string, digits: number): number | "format" | "decimals" | "empty" {
  if (text === "") return "empty";
  const match = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return "format";
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) return "decimals";
  const value =
    BigInt(match[2]!.replaceAll(",", "")) * 10n ** BigInt(digits) +
    BigInt(fraction.padEnd(digits, "0") || "0");
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return "format";
  return match[1] ? -Number(value) : Number(value);
}

export function parseRulesForm(
  values: Record<string, string>,
  currency: string,
  words: RulesFormErrors,
): RulesFormResult {
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => {
    (errors[field] ??= []).push(message);
    return null;
  };
  const integer = (field: string, min: number, max: number) => {
    const value = parseScaled(normalize(values[field]), 0);
    if (value === "empty") return fail(field, words.required);
    if (value === "decimals") return fail(field, words.wholeNumber);
    if (value === "format") return fail(field, words.number);
    if (value < min) return fail(field, formatMessage(words.min, { min }));
    if (value > max)
      return fail(field, formatMessage(words.max, { max: max.toLocaleString("en") }));
    return value;
  };
  const digits = currencyDigits(currency);
  const example = digits === 0 ? "100" : `1.${"0".repeat(digits)}`;
  const amount = (field: string, allowZero: boolean) => {
    const value = parseScaled(normalize(values[field]), digits);
    if (value === "empty") return fail(field, words.required);
    if (value === "format" || value === "decimals") {
      return fail(field, formatMessage(words.amount, { example }));
    }
    if (value < 0 || (!allowZero && value === 0)) return fail(field, words.positiveAmount);
    if (value > 2_147_483_647) return fail(field, formatMessage(words.amount, { example }));
    return value;
  };

  const name = normalize(values.name);
  if (name === "" || name.length > 60) fail("name", words.name);
  const numbers = Object.fromEntries(
    Object.entries(INTEGER_FIELDS).map(([field, [min, max]]) => [field, integer(field, min, max)]),
  ) as Record<keyof typeof INTEGER_FIELDS, number | null>;
  const earnPerMinor = amount("earnPer", false);
  const pointValueMinor = amount("pointValue", false);
  const templateName = (field: "expiryWarningTemplate" | "birthdayTemplate") => {
    const name = normalize(values[field]);
    if (name !== "" && !/^[a-z0-9_]{1,512}$/.test(name)) fail(field, words.template);
    return name === "" ? null : name;
  };
  const expiryWarningTemplate = templateName("expiryWarningTemplate");
  const birthdayTemplate = templateName("birthdayTemplate");

  const tiers: Tier[] = [];
  for (const [index, key] of TIER_KEYS.entries()) {
    const tierName = normalize(values[tierField(index, "Name")]);
    if (index > 0 && tierName === "") continue;
    if (tierName === "" || tierName.length > 40) fail(tierField(index, "Name"), words.tierName);
    const threshold = amount(tierField(index, "Threshold"), true);
    const multiplier = parseScaled(normalize(values[tierField(index, "Multiplier")]), 2);
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
