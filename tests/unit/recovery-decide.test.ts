import { describe, expect, it } from "vitest";
import { decideRecoveryStep, type RecoveryDecisionInput } from "@/lib/recovery/decide";
import { isQuietAt, quietHoursEndAt } from "@/lib/recovery/quiet-hours";
import {
  defaultRecoverySettings,
  readRecoverySettings,
  recoverySettingsSchema,
} from "@/lib/recovery/settings";

const HOUR = 60 * 60 * 1000;
const quiet = { start: "21:00", end: "09:00" };

function input(overrides: Partial<RecoveryDecisionInput> = {}): RecoveryDecisionInput {
  // 14:00 in Tokyo.
  const now = new Date("2026-03-10T05:00:00Z");
  return {
    now,
    timezone: "Asia/Tokyo",
    settings: { quietHours: quiet },
    step: { template: null },
    customer: {
      optedInAt: new Date(now.getTime() - 48 * HOUR),
      optedOutAt: null,
      lastInboundAt: new Date(now.getTime() - 3 * HOUR),
    },
    abandonedAt: new Date(now.getTime() - 2 * HOUR),
    lastRecoveryMessageAt: null,
    paidSinceAbandoned: false,
    cartEmpty: false,
    stoppedByOwner: false,
    templateApproved: null,
    ...overrides,
  };
}

describe("quiet hours", () => {
  it("spans midnight in the store's zone and ends at the end time", () => {
    const lateTokyo = new Date("2026-03-10T13:30:00Z"); // 22:30 JST
    expect(isQuietAt(quiet, "Asia/Tokyo", lateTokyo)).toBe(true);
    expect(quietHoursEndAt(quiet, "Asia/Tokyo", lateTokyo).toISOString()).toBe(
      "2026-03-11T00:00:00.000Z", // 09:00 JST
    );
    const noonTokyo = new Date("2026-03-10T03:00:00Z");
    expect(quietHoursEndAt(quiet, "Asia/Tokyo", noonTokyo)).toBe(noonTokyo);
  });

  it("follows New York across the spring daylight-saving change", () => {
    // 2026-03-08 02:00 EST → 03:00 EDT. 23:00 EST on the 7th is 04:00Z on the 8th.
    const night = new Date("2026-03-08T04:00:00Z");
    expect(isQuietAt(quiet, "America/New_York", night)).toBe(true);
    // 09:00 EDT on the 8th is 13:00Z (not 14:00Z, as it would be in EST).
    expect(quietHoursEndAt(quiet, "America/New_York", night).toISOString()).toBe(
      "2026-03-08T13:00:00.000Z",
    );
  });
});

describe("decideRecoveryStep", () => {
  it("sends free-form inside the window in the daytime", () => {
    expect(decideRecoveryStep(input())).toEqual({ action: "send", channel: "free_form" });
  });

  it("stops on payment, the owner, an empty cart, opt-out, no consent and a reply", () => {
    expect(decideRecoveryStep(input({ paidSinceAbandoned: true }))).toMatchObject({
      reason: "paid",
    });
    expect(decideRecoveryStep(input({ stoppedByOwner: true }))).toMatchObject({
      reason: "stopped_by_owner",
    });
    expect(decideRecoveryStep(input({ cartEmpty: true }))).toMatchObject({ reason: "cart_empty" });
    const base = input();
    expect(
      decideRecoveryStep(
        input({ customer: { ...base.customer, optedOutAt: new Date(base.now.getTime() - HOUR) } }),
      ),
    ).toEqual({ action: "stop", reason: "opted_out" });
    expect(decideRecoveryStep(input({ customer: { ...base.customer, optedInAt: null } }))).toEqual({
      action: "stop",
      reason: "no_consent",
    });
    expect(
      decideRecoveryStep(
        input({
          customer: { ...base.customer, lastInboundAt: new Date(base.now.getTime() - HOUR) },
        }),
      ),
    ).toEqual({ action: "stop", reason: "replied" });
  });

  it("waits for quiet hours to end, then for the 24-hour cap", () => {
    const night = new Date("2026-03-10T13:30:00Z");
    const base = input({ now: night });
    expect(
      decideRecoveryStep({
        ...base,
        abandonedAt: new Date(night.getTime() - HOUR),
        customer: { ...base.customer, lastInboundAt: new Date(night.getTime() - 2 * HOUR) },
      }),
    ).toEqual({
      action: "wait",
      until: new Date("2026-03-11T00:00:00Z"),
      reason: "quiet_hours",
    });
    const last = new Date(input().now.getTime() - 23 * HOUR);
    expect(decideRecoveryStep(input({ lastRecoveryMessageAt: last }))).toEqual({
      action: "wait",
      until: new Date(last.getTime() + 24 * HOUR),
      reason: "daily_cap",
    });
  });

  it("uses the template outside the window (23h59m vs 24h01m) and skips without one", () => {
    const now = input().now;
    const at = (minutes: number) => {
      const base = input();
      return {
        ...base,
        abandonedAt: new Date(now.getTime() - 23 * HOUR),
        customer: { ...base.customer, lastInboundAt: new Date(now.getTime() - minutes * 60_000) },
      };
    };
    const template = { name: "cart_reminder", language: "en", variables: [] as never[] };
    expect(decideRecoveryStep(at(24 * 60 - 1))).toEqual({ action: "send", channel: "free_form" });
    expect(decideRecoveryStep(at(24 * 60 + 1))).toEqual({
      action: "skip",
      reason: "outside_window_no_template",
    });
    expect(
      decideRecoveryStep({ ...at(24 * 60 + 1), step: { template }, templateApproved: true }),
    ).toEqual({ action: "send", channel: "template" });
    expect(
      decideRecoveryStep({ ...at(24 * 60 + 1), step: { template }, templateApproved: false }),
    ).toEqual({ action: "skip", reason: "template_unavailable" });
  });
});

describe("recovery settings", () => {
  it("defaults validate and refuse what the issue names", () => {
    expect(recoverySettingsSchema.safeParse(defaultRecoverySettings()).success).toBe(true);
    const defaults = defaultRecoverySettings();
    const bad = (change: object) =>
      recoverySettingsSchema.safeParse({ ...defaults, ...change }).success;
    expect(bad({ steps: [...defaults.steps].reverse() })).toBe(false);
    expect(bad({ steps: [...defaults.steps, defaults.steps[2]] })).toBe(false);
    expect(bad({ attributionDays: 0 })).toBe(false);
    expect(bad({ attributionDays: 31 })).toBe(false);
    expect(bad({ quietHours: { start: "21:00", end: "21:00" } })).toBe(false);
    expect(bad({ abandonAfterMinutes: 10 })).toBe(false);
    const overPercent = {
      ...defaults.steps[2]!,
      incentive: { kind: "percent", percent: 101, validHours: 24 },
    };
    expect(bad({ steps: [defaults.steps[0], defaults.steps[1], overPercent] })).toBe(false);
    expect(readRecoverySettings({ attributionDays: 99 })).toEqual(defaults);
    expect(readRecoverySettings({ attributionDays: 9 }).attributionDays).toBe(9);
  });
});
