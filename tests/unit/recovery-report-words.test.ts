import { describe, expect, it } from "vitest";
import { dashboardFormatters } from "@/lib/dashboard-i18n/format";
import en from "@/lib/dashboard-i18n/messages/en";
import ja from "@/lib/dashboard-i18n/messages/ja";
import type { RecoveryStopReason } from "@/lib/recovery/decide";
import { outcomeWords, reasonWords, stepStateWords } from "@/lib/recovery/report-words";
import { type RecoveryStepState, recoveryStepState } from "@/lib/recovery/step-state";

const TZ = "America/New_York";
const until = new Date("2026-11-01T13:00:00Z"); // 08:00 EST, the morning DST ended
const context = (language: "en" | "ja") => ({
  t: (language === "en" ? en : ja).recoveryReport,
  format: dashboardFormatters(language),
  timezone: TZ,
});
const say = (state: RecoveryStepState, language: "en" | "ja" = "en") =>
  stepStateWords(state, context(language));

/** Every code lib/recovery writes as a step's or a recovery's reason. */
const STOPS: RecoveryStopReason[] = [
  "paid",
  "replied",
  "opted_out",
  "no_consent",
  "cart_empty",
  "order_closed",
  "stopped_by_owner",
  "recovery_off",
];
const ENGINE_REASONS = [
  ...STOPS,
  "outside_window_no_template",
  "template_unavailable",
  "no_conversation",
  "no_text",
  "order_empty",
  "order_too_many_lines",
  "order_bad_quantity",
  "order_unavailable_products",
  "already queued",
  "step_removed",
  "recovered",
  "lost",
  "quiet_hours",
  "daily_cap",
];

describe("the Recovery page's words", () => {
  it("has every reason code in words, in English and in Japanese", () => {
    for (const code of ENGINE_REASONS) {
      expect(en.recoveryReport.reasons[code], code).toBeTruthy();
      expect(ja.recoveryReport.reasons[code], code).toBeTruthy();
      expect(ja.recoveryReport.reasons[code]).not.toBe(en.recoveryReport.reasons[code]);
    }
    expect(Object.keys(ja.recoveryReport.reasons).sort()).toEqual(
      Object.keys(en.recoveryReport.reasons).sort(),
    );
    // A code it does not know reads as itself rather than vanishing.
    expect(reasonWords(en.recoveryReport, "something_new")).toBe("something_new");
  });

  it("puts waiting steps in words with the time they wait until, in the store's zone", () => {
    expect(say({ kind: "waiting", reason: "daily_cap", until })).toBe(
      "Waiting for the daily limit of one reminder per customer (until Nov 1, 2026, 8:00 AM)",
    );
    expect(say({ kind: "waiting", reason: "quiet_hours", until })).toBe(
      "Waiting for quiet hours to end (until Nov 1, 2026, 8:00 AM)",
    );
    expect(say({ kind: "waiting", reason: "daily_cap", until }, "ja")).toBe(
      "1日1通の上限により待機中（2026/11/01 8:00 まで）",
    );
    expect(say({ kind: "scheduled", at: until })).toBe("Scheduled for Nov 1, 2026, 8:00 AM");
  });

  it("says why a reminder failed: the stored reason, else the code; Japanese for known codes", () => {
    const failed = (errorCode: number | null, errorReason: string | null) =>
      ({ kind: "failed", message: { errorCode, errorReason } }) as const;
    expect(say(failed(131026, "Undeliverable"))).toBe("Failed: Undeliverable");
    expect(say(failed(999, null))).toBe("Failed: WhatsApp refused it (error 999).");
    expect(say(failed(null, null))).toBe("Failed: WhatsApp refused it.");
    expect(say(failed(131026, "Undeliverable"), "ja")).toMatch(
      /^送信失敗：WhatsApp がこのメッセージを配信できませんでした/,
    );
    expect(say(failed(999, null), "ja")).toBe(
      "送信失敗：WhatsApp に拒否されました（エラー 999）。",
    );
    expect(say({ kind: "blocked", reason: null })).toBe(
      "Not sent: the sending rules did not allow it",
    );
  });

  it("derives the state of a sent step from its message", () => {
    const step = {
      status: "sent" as const,
      dueAt: until,
      reason: null,
      decidedAt: until,
    };
    const message = {
      status: "queued" as const,
      errorCode: null,
      errorReason: null,
      sentAt: null,
      deliveredAt: null,
      readAt: null,
      failedAt: null,
    };
    expect(recoveryStepState(step, message)).toEqual({ kind: "sending" });
    expect(recoveryStepState(step, { ...message, status: "read", readAt: until })).toEqual({
      kind: "read",
      at: until,
    });
    expect(recoveryStepState(step, null)).toEqual({ kind: "sent", at: until });
    expect(recoveryStepState({ ...step, status: "waiting", reason: "quiet_hours" }, null)).toEqual({
      kind: "waiting",
      reason: "quiet_hours",
      until,
    });
  });

  it("puts outcomes in words", () => {
    const { t, format } = context("en");
    expect(
      outcomeWords(
        { kind: "recovered", step: 2, amountMinor: 4200, currency: "JPY" },
        { t, format },
      ),
    ).toBe("Recovered ¥4,200 by step 2");
    expect(outcomeWords({ kind: "lost" }, { t, format })).toBe(
      "Lost: not paid within the attribution window",
    );
    expect(outcomeWords({ kind: "stopped", reason: "replied" }, context("ja"))).toBe(
      "停止：お客様からメッセージがありました",
    );
  });
});
