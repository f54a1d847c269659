import type { MessageStatus, Recovery, RecoveryStep } from "@/db/schema";

/** What the message of a sent step has become, as the webhook's statuses recorded it. */
export type StepMessage = {
  status: MessageStatus;
  errorCode: number | null;
  errorReason: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
};

/** One step's state for the Recovery page, before it is put in words. */
export type RecoveryStepState =
  | { kind: "scheduled"; at: Date }
  /** Held back by quiet hours or the one-per-24-hours cap until `until`. */
  | { kind: "waiting"; reason: string | null; until: Date }
  /** Queued in the outbox, not yet accepted by WhatsApp. */
  | { kind: "sending" }
  | { kind: "sent"; at: Date | null }
  | { kind: "delivered"; at: Date | null }
  | { kind: "read"; at: Date | null }
  | { kind: "failed"; message: Pick<StepMessage, "errorCode" | "errorReason"> }
  /** The outbox's send-time rules stopped it (e.g. the customer opted out meanwhile). */
  | { kind: "blocked"; reason: string | null }
  | { kind: "skipped"; reason: string | null }
  /** Not decided because the recovery ended first (its reason: paid, stopped, …). */
  | { kind: "cancelled"; reason: string | null };

export function recoveryStepState(
  step: Pick<RecoveryStep, "status" | "dueAt" | "reason" | "decidedAt">,
  message: StepMessage | null,
): RecoveryStepState {
  switch (step.status) {
    case "scheduled":
      return { kind: "scheduled", at: step.dueAt };
    case "waiting":
      return { kind: "waiting", reason: step.reason, until: step.dueAt };
    case "skipped":
      return { kind: "skipped", reason: step.reason };
    case "cancelled":
      return { kind: "cancelled", reason: step.reason };
    case "sent":
      break;
  }
  switch (message?.status) {
    case "read":
      return { kind: "read", at: message.readAt };
    case "delivered":
      return { kind: "delivered", at: message.deliveredAt };
    case "sent":
      return { kind: "sent", at: message.sentAt ?? step.decidedAt };
    case "failed":
      return { kind: "failed", message };
    case "blocked":
      return { kind: "blocked", reason: message.errorReason };
    default:
      // Queued, or the message row is gone: it left our side, nothing is known beyond that.
      return message ? { kind: "sending" } : { kind: "sent", at: step.decidedAt };
  }
}

export type RecoveryOutcome =
  | { kind: "recovered"; step: number | null; amountMinor: number | null; currency: string }
  | { kind: "in_progress" }
  | { kind: "stopped"; reason: string | null }
  | { kind: "lost" };

/** recovered (amount net of refunds, and the step) / in progress / stopped and why / lost. */
export function recoveryOutcome(
  recovery: Pick<Recovery, "status" | "stopReason" | "recoveredStep">,
  recovered: { amountMinor: number | null; currency: string },
): RecoveryOutcome {
  switch (recovery.status) {
    case "recovered":
      return { kind: "recovered", step: recovery.recoveredStep, ...recovered };
    case "active":
      return { kind: "in_progress" };
    case "stopped":
      return { kind: "stopped", reason: recovery.stopReason };
    case "lost":
      return { kind: "lost" };
  }
}
