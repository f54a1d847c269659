/** Random recovery history for the report tests (not a test file itself). */
import type { Database } from "@/db/drivers";
import {
  conversations,
  customers,
  messages,
  orders,
  recoveries,
  type RecoveryStatus,
  recoverySteps,
  type RecoveryStepStatus,
} from "@/db/schema";

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof seededRandom>;

const HOUR = 3_600_000;
const RECOVERY_STATUSES: RecoveryStatus[] = ["active", "recovered", "stopped", "lost"];
const STEP_STATUSES: RecoveryStepStatus[] = [
  "scheduled",
  "waiting",
  "sent",
  "skipped",
  "cancelled",
];
const MESSAGE_STATUSES = ["queued", "sent", "delivered", "read", "failed", "blocked"] as const;
const SKIP_REASONS = ["outside_window_no_template", "template_unavailable", "no_text"];

let numberCounter = 0;

/**
 * `count` recoveries for a store, abandoned between `from` and `to`, each with up to three
 * steps in random states (sent ones with a message in a random status), and for some an
 * order carrying the recovery attribution, paid (or refunded, partly or not) at random times
 * around the range, in the store's currency or, rarely, another.
 */
export async function writeRandomRecoveries(
  db: Database,
  input: { storeId: string; currency: string; from: Date; to: Date; count: number; random: Random },
) {
  const { storeId, random } = input;
  const span = input.to.getTime() - input.from.getTime();
  const customerRows = await db
    .insert(customers)
    .values(
      Array.from({ length: 5 }, (_, index) => ({
        storeId,
        waId: `8190${random.int(1e6, 9e6)}${index}`,
        phone: `+8190${random.int(1e6, 9e6)}${index}`,
        name: `Shopper ${index}`,
      })),
    )
    .returning();
  const conversationRows = await db
    .insert(conversations)
    .values(customerRows.map((customer) => ({ storeId, customerId: customer.id, language: "en" })))
    .returning();
  for (let index = 0; index < input.count; index += 1) {
    const who = random.int(0, customerRows.length - 1);
    const customer = customerRows[who]!;
    const conversation = conversationRows[who]!;
    const abandonedAt = new Date(input.from.getTime() + Math.floor(random.next() * span));
    const status = random.pick(RECOVERY_STATUSES);
    const [recovery] = await db
      .insert(recoveries)
      .values({
        storeId,
        customerId: customer.id,
        status,
        stopReason: status === "stopped" ? random.pick(["paid", "replied", "opted_out"]) : null,
        abandonedAt,
        valueMinor: random.int(100, 20_000),
        currency: random.chance(0.05) ? "USD" : input.currency,
      })
      .returning();
    const stepCount = random.int(0, 3);
    for (let step = 1; step <= stepCount; step += 1) {
      const stepStatus = random.pick(STEP_STATUSES);
      const decidedAt =
        stepStatus === "scheduled" || stepStatus === "waiting"
          ? null
          : new Date(abandonedAt.getTime() + random.int(1, 96) * HOUR);
      let messageId: string | null = null;
      if (stepStatus === "sent") {
        const messageStatus = random.pick(MESSAGE_STATUSES);
        const [message] = await db
          .insert(messages)
          .values({
            storeId,
            conversationId: conversation.id,
            customerId: customer.id,
            direction: "outbound",
            author: "system",
            type: "text",
            content: {},
            status: messageStatus,
            errorReason: messageStatus === "failed" ? "Undeliverable" : null,
          })
          .returning({ id: messages.id });
        messageId = message!.id;
      }
      await db.insert(recoverySteps).values({
        storeId,
        recoveryId: recovery!.id,
        step,
        status: stepStatus,
        dueAt: new Date(abandonedAt.getTime() + step * HOUR),
        reason:
          stepStatus === "skipped"
            ? random.pick(SKIP_REASONS)
            : stepStatus === "waiting"
              ? "quiet_hours"
              : null,
        messageId,
        decidedAt,
      });
    }
    if (random.chance(0.2)) {
      // A paid order with no recovery: never recovered revenue.
      numberCounter += 1;
      await db.insert(orders).values({
        storeId,
        customerId: customer.id,
        number: `P-${numberCounter}`,
        status: "paid",
        currency: input.currency,
        subtotalMinor: 1000,
        totalMinor: 1000,
        paidAt: new Date(abandonedAt.getTime() + HOUR),
      });
    }
    if (random.chance(0.4)) {
      numberCounter += 1;
      const orderStatus = random.pick(["paid", "paid", "refunded", "pending"] as const);
      const total = random.int(500, 30_000);
      await db.insert(orders).values({
        storeId,
        customerId: customer.id,
        number: `R-${numberCounter}`,
        status: orderStatus,
        currency: random.chance(0.05) ? "USD" : input.currency,
        subtotalMinor: total,
        totalMinor: total,
        refundedMinor:
          orderStatus === "refunded" ? total : random.chance(0.2) ? random.int(0, total) : 0,
        recoveryId: recovery!.id,
        recoveryStep: random.int(1, 3),
        paidAt:
          orderStatus === "pending"
            ? null
            : new Date(abandonedAt.getTime() + random.int(1, 200) * HOUR),
        createdAt: abandonedAt,
      });
    }
  }
}
