import { decideRecoveryStep } from "@/lib/recovery/decide";
import { defaultRecoverySettings, type RecoverySettings } from "@/lib/recovery/settings";
import type { SendRecipient } from "@/lib/whatsapp/send-policy";
import type { Rng } from "./random";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEMO_TIMEZONE = "Asia/Tokyo";

/**
 * The demo store's sequence: a free-form nudge after an hour, the approved `cart_reminder`
 * template a day later (the window has closed by then), and a last free-form reminder with
 * 10 % off after three days that has no template — so outside the window it is skipped, and
 * the Recovery page shows why.
 */
export function demoRecoverySettings(): RecoverySettings {
  const defaults = defaultRecoverySettings();
  const [first, second, third] = defaults.steps;
  return {
    ...defaults,
    steps: [
      first!,
      {
        ...second!,
        template: { name: "cart_reminder", language: "ja", variables: ["name", "items"] },
      },
      { ...third!, incentive: { kind: "percent", percent: 10, validHours: 48 } },
    ],
  };
}

/** A reminder's message as WhatsApp's statuses left it. */
export type ReminderDelivery =
  | { status: "failed"; sentAt: null; deliveredAt: null; readAt: null; failedAt: Date }
  | { status: "sent" | "delivered" | "read"; sentAt: Date; deliveredAt: Date | null; readAt: null }
  | { status: "read"; sentAt: Date; deliveredAt: Date; readAt: Date };

export type SimulatedStep = {
  step: number;
  status: "scheduled" | "waiting" | "sent" | "skipped" | "cancelled";
  dueAt: Date;
  reason: string | null;
  decidedAt: Date | null;
  channel: "free_form" | "template" | null;
  delivery: ReminderDelivery | null;
};

export type SimulatedRecovery = {
  abandonedAt: Date;
  status: "active" | "recovered" | "stopped" | "lost";
  stopReason: string | null;
  endedAt: Date | null;
  recoveredStep: number | null;
  recoveredAt: Date | null;
  steps: SimulatedStep[];
};

/** What the engine would read about the shopper at a moment. */
export type RecoveryFacts = {
  recipientAt(at: Date): SendRecipient;
  /** Whether another order of theirs was paid in [from, to]. */
  paidElsewhere(from: Date, to: Date): boolean;
  /** The last recovery reminder queued to them (any cart), before `at`. */
  lastReminderBefore(at: Date): Date | null;
  /** When the recovered order itself was paid. */
  paidAt: Date | null;
  /** The customer's next message after `at`, if any (a shopper reads before answering). */
  nextInboundAfter(at: Date): Date | null;
};

const tickAfter = (rng: Rng, at: number) => new Date(at + rng.int(5, 55) * SECOND);
const whole = (time: number) => new Date(Math.floor(time / SECOND) * SECOND);

/** Whether the step's message fails, and when it is delivered: drawn per step, the same in every pass. */
function deliveryOf(rng: Rng, sentAt: Date): ReminderDelivery {
  if (rng.chance(0.04)) {
    return {
      status: "failed",
      sentAt: null,
      deliveredAt: null,
      readAt: null,
      failedAt: whole(sentAt.getTime() + rng.int(2, 8) * SECOND),
    };
  }
  const sent = whole(sentAt.getTime() + rng.int(1, 3) * SECOND);
  return {
    status: "delivered",
    sentAt: sent,
    deliveredAt: whole(sent.getTime() + rng.int(0, 4) * SECOND),
    readAt: null,
  };
}

/**
 * One unpaid order's recovery replayed through decideRecoveryStep, the engine's one
 * decision: abandoned an hour after its link went out, each step at its time (held by quiet
 * hours or the daily cap, skipped outside the window without a template, stopped by a
 * payment, a reply or an opt-out), a payment after a delivered reminder within the
 * attribution window recovered by the last such step, an ended sequence lost after the window.
 */
export function simulateRecovery(
  rng: Rng,
  input: { linkSentAt: Date; now: Date; settings: RecoverySettings },
  facts: RecoveryFacts,
): SimulatedRecovery {
  const { settings, now } = input;
  const abandonedAt = tickAfter(
    rng,
    input.linkSentAt.getTime() + settings.abandonAfterMinutes * MINUTE,
  );
  const windowMs = settings.attributionDays * DAY;
  const result: SimulatedRecovery = {
    abandonedAt,
    status: "active",
    stopReason: null,
    endedAt: null,
    recoveredStep: null,
    recoveredAt: null,
    steps: settings.steps.map((step, i) => ({
      step: i + 1,
      status: "scheduled",
      dueAt: new Date(abandonedAt.getTime() + step.delayMinutes * MINUTE),
      reason: null,
      decidedAt: null,
      channel: null,
      delivery: null,
    })),
  };
  const end = (status: "stopped" | "lost", reason: string | null, at: Date) => {
    if (result.status !== "active") return;
    result.status = status;
    result.stopReason = reason;
    result.endedAt = at;
    if (reason === null) return;
    for (const step of result.steps) {
      if (step.status !== "scheduled" && step.status !== "waiting") continue;
      Object.assign(step, { status: "cancelled", reason, decidedAt: at });
    }
  };
  /** attributeRecovery at the payment: the last reminder delivered before it, within the window. */
  const pay = (paidAt: Date) => {
    const delivered = result.steps.findLast(
      (step) => step.delivery?.deliveredAt && step.delivery.deliveredAt <= paidAt,
    );
    const at = delivered?.delivery?.deliveredAt;
    if (delivered && at && paidAt.getTime() - at.getTime() <= windowMs) {
      result.status = "recovered";
      result.recoveredStep = delivered.step;
      result.recoveredAt = paidAt;
      result.stopReason = null;
      result.endedAt = paidAt;
      for (const step of result.steps) {
        if (step.status === "scheduled" || step.status === "waiting")
          Object.assign(step, { status: "cancelled", reason: "paid", decidedAt: paidAt });
      }
      return;
    }
    end("stopped", "paid", paidAt);
  };

  for (const [index, step] of result.steps.entries()) {
    const stepSettings = settings.steps[index]!;
    let at = tickAfter(rng, step.dueAt.getTime());
    for (let attempt = 0; attempt < 6 && result.status === "active"; attempt++) {
      if (facts.paidAt && facts.paidAt <= at) {
        pay(facts.paidAt);
        break;
      }
      if (at.getTime() > now.getTime() - MINUTE) {
        if (attempt > 0) Object.assign(step, { status: "waiting" });
        break;
      }
      const decision = decideRecoveryStep({
        now: at,
        timezone: DEMO_TIMEZONE,
        settings,
        step: stepSettings,
        customer: facts.recipientAt(at),
        abandonedAt,
        lastRecoveryMessageAt: facts.lastReminderBefore(at),
        paidSinceAbandoned: facts.paidElsewhere(abandonedAt, at),
        cartEmpty: false,
        stoppedByOwner: false,
        templateApproved: stepSettings.template ? true : null,
      });
      if (decision.action === "wait") {
        Object.assign(step, { dueAt: decision.until, reason: decision.reason });
        at = tickAfter(rng, decision.until.getTime());
        continue;
      }
      if (decision.action === "stop") {
        end("stopped", decision.reason, at);
      } else if (decision.action === "skip") {
        Object.assign(step, { status: "skipped", reason: decision.reason, decidedAt: at });
      } else {
        Object.assign(step, {
          status: "sent",
          reason: null,
          decidedAt: at,
          channel: decision.channel,
          delivery: deliveryOf(rng.fork(`step:${step.step}`), at),
        });
      }
      break;
    }
    if (result.status !== "active" || step.status === "scheduled" || step.status === "waiting")
      break;
  }

  if (result.status === "active" && result.steps.every((step) => step.decidedAt)) {
    const lastDecided = Math.max(...result.steps.map((step) => step.decidedAt!.getTime()));
    const lostAt = tickAfter(rng, lastDecided + windowMs);
    if (facts.paidAt && facts.paidAt <= lostAt) pay(facts.paidAt);
    else if (lostAt <= now) end("lost", null, lostAt);
  } else if (facts.paidAt && result.status !== "recovered") {
    // Paid after a stop: a reminder delivered before still earns it (attributeRecovery).
    if (facts.paidAt > (result.endedAt ?? abandonedAt)) pay(facts.paidAt);
  }
  markReads(rng.fork("reads"), result, facts, now);
  return result;
}

/** Delivered reminders are read before the shopper's next message, most others too, and before the payment they led to. */
function markReads(rng: Rng, result: SimulatedRecovery, facts: RecoveryFacts, now: Date) {
  for (const step of result.steps) {
    const delivery = step.delivery;
    if (!delivery?.deliveredAt) continue;
    const reply = facts.nextInboundAfter(delivery.deliveredAt);
    // Read before answering; otherwise most are read.
    if (!reply && !rng.chance(0.7)) continue;
    const from = delivery.deliveredAt.getTime();
    const limits = [
      now.getTime() - MINUTE,
      reply ? reply.getTime() - SECOND : Infinity,
      facts.paidAt && facts.paidAt.getTime() > from ? facts.paidAt.getTime() - MINUTE : Infinity,
      from + rng.int(2, 300) * MINUTE,
    ];
    const readAt = Math.min(...limits);
    if (readAt <= from) continue;
    step.delivery = {
      status: "read",
      sentAt: delivery.sentAt,
      deliveredAt: delivery.deliveredAt,
      readAt: whole(readAt),
    };
  }
}
