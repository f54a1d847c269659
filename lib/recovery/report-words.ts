import type { DashboardFormatters } from "@/lib/dashboard-i18n/format";
import { type DashboardMessages, formatMessage, wordFor } from "@/lib/dashboard-i18n/messages";
import { failureReason } from "@/lib/inbox/status-words";
import type { RecoveryOutcome, RecoveryStepState } from "./step-state";

type Words = DashboardMessages["recoveryReport"];
type Context = { t: Words; format: DashboardFormatters; timezone: string };

/** A reason code in words; a code the dictionary does not know reads as itself. */
export function reasonWords(t: Words, reason: string | null): string {
  const code = reason ?? "";
  return wordFor(t.reasons, code, formatMessage(t.unknownReason, { reason: code }));
}

/** A sent step's failure: Meta's code in the member's words, else the reason stored with it. */
function failedWords(t: Words, message: { errorCode: number | null; errorReason: string | null }) {
  const byCode =
    message.errorCode === null ? "" : wordFor(t.failure.codes, String(message.errorCode), "");
  return (
    byCode ||
    failureReason(message, {
      withCode: (code) => formatMessage(t.failure.withCode, { code: String(code) }),
      withoutCode: t.failure.withoutCode,
    })
  );
}

/** "Scheduled for …", "Waiting for quiet hours to end (until …)", "Delivered …", "Skipped: …". */
export function stepStateWords(state: RecoveryStepState, { t, format, timezone }: Context): string {
  const w = t.stepStates;
  const time = (at: Date) => format.dateTime(at, timezone);
  const timed = (template: string, at: Date | null) =>
    at ? formatMessage(template, { time: time(at) }) : w.sent;
  switch (state.kind) {
    case "scheduled":
      return formatMessage(w.scheduled, { time: time(state.at) });
    case "waiting": {
      const template =
        state.reason === "quiet_hours"
          ? w.waitingQuietHours
          : state.reason === "daily_cap"
            ? w.waitingDailyCap
            : w.waiting;
      return formatMessage(template, { time: time(state.until) });
    }
    case "sending":
      return w.sending;
    case "sent":
      return timed(w.sentAt, state.at);
    case "delivered":
      return timed(w.deliveredAt, state.at);
    case "read":
      return timed(w.readAt, state.at);
    case "failed":
      return formatMessage(w.failed, { reason: failedWords(t, state.message) });
    case "blocked":
      return formatMessage(w.blocked, { reason: state.reason?.trim() || w.blockedNoReason });
    case "skipped":
      return formatMessage(w.skipped, { reason: reasonWords(t, state.reason) });
    case "cancelled":
      return formatMessage(w.cancelled, { reason: reasonWords(t, state.reason) });
  }
}

/** "Recovered ¥4,200 by step 1", "In progress", "Stopped: the customer paid", "Lost: …". */
export function outcomeWords(outcome: RecoveryOutcome, { t, format }: Omit<Context, "timezone">) {
  const w = t.outcomes;
  switch (outcome.kind) {
    case "recovered": {
      const amount = format.money(outcome.amountMinor ?? 0, outcome.currency);
      return outcome.step === null
        ? formatMessage(w.recoveredNoStep, { amount })
        : formatMessage(w.recovered, { amount, step: String(outcome.step) });
    }
    case "in_progress":
      return w.inProgress;
    case "stopped":
      return formatMessage(w.stopped, { reason: reasonWords(t, outcome.reason) });
    case "lost":
      return w.lost;
  }
}
