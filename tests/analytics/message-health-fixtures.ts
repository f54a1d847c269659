import type { Database } from "@/db/drivers";
import { conversations, type MessageStatus, messages, type NewMessage } from "@/db/schema";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import { insertCustomers, instantNear, type Random, type TestStore } from "./sections-fixtures";

const MINUTE = 60_000;
const OUTBOUND_STATUSES: MessageStatus[] = [
  "queued",
  "sent",
  "delivered",
  "delivered",
  "read",
  "read",
  "failed",
  "blocked",
];
const FAILURES = [
  { code: 131047, reason: "More than 24 hours have passed since the customer last replied." },
  { code: 131026, reason: "WhatsApp couldn't deliver this message." },
  { code: 131026, reason: null },
  { code: null, reason: "The request timed out." },
];
const BLOCKS = [
  "The customer opted out (STOP).",
  "The customer has not opted in to messages from the store.",
  null,
];

/**
 * Conversations around the window's edges, each with its own customer (at most one open chat
 * per customer): some with no customer message, bot replies (some at the very same instant,
 * some blocked), hand-offs with or without a person's answer, system notices, and every
 * outbound status with failure and block reasons.
 */
export async function seedMessageStore(
  db: Database,
  store: TestStore,
  window: AnalyticsWindow,
  random: Random,
): Promise<void> {
  const customerIds = await insertCustomers(db, store, 60, random, () => window.start);
  const chats = await db
    .insert(conversations)
    .values(
      customerIds.map((customerId) => {
        const createdAt = instantNear(window, random);
        const handedOff = random.chance(0.4);
        return {
          storeId: store.id,
          customerId,
          language: "en",
          status: handedOff ? random.pick(["agent", "agent", "closed"] as const) : ("bot" as const),
          handedOffAt: handedOff
            ? new Date(createdAt.getTime() + random.int(0, 30) * MINUTE)
            : null,
          createdAt,
        };
      }),
    )
    .returning();

  const rows: NewMessage[] = [];
  const message = (
    chat: (typeof chats)[number],
    author: NewMessage["author"],
    at: Date,
  ): NewMessage => {
    const inbound = author === "customer";
    const status = inbound ? "received" : random.pick(OUTBOUND_STATUSES);
    const failure = random.pick(FAILURES);
    return {
      storeId: store.id,
      conversationId: chat.id,
      customerId: chat.customerId,
      direction: inbound ? "inbound" : "outbound",
      author,
      type: "text",
      content: {},
      status,
      errorCode: status === "failed" ? failure.code : null,
      errorReason:
        status === "failed" ? failure.reason : status === "blocked" ? random.pick(BLOCKS) : null,
      createdAt: at,
    };
  };
  for (const chat of chats) {
    const start = chat.createdAt.getTime();
    const steps = random.int(0, 6);
    let at = start + (random.chance(0.2) ? random.int(1, 10) * MINUTE : 0);
    for (let step = 0; step < steps; step += 1) {
      const author = random.pick(["customer", "customer", "bot", "bot", "system"] as const);
      rows.push(message(chat, author, new Date(at)));
      at += random.pick([0, 1, 1_500, MINUTE, 17 * MINUTE]);
    }
    if (chat.handedOffAt && random.chance(0.7)) {
      const after = chat.handedOffAt.getTime() + random.pick([0, 3, 90_000, 45 * MINUTE]);
      rows.push(
        message(chat, random.pick(["agent", "agent", "business_app"] as const), new Date(after)),
      );
      if (random.chance(0.5))
        rows.push(message(chat, "customer", new Date(after + random.int(0, 5) * MINUTE)));
    }
  }
  await db.insert(messages).values(rows);
}
