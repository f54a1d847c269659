import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers, outbox } from "@/db/schema";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { toGraphMessageBody } from "@/lib/whatsapp/graph-request";
import { testDbBackend } from "../support/database";
import { deliverRaw, inboundBody } from "./fixtures";
import { setupOutboxHarness } from "./outbox-harness";

const harness = setupOutboxHarness();
const {
  MINUTE,
  getDb,
  nextWaId,
  queueFor,
  text,
  messageRow,
  outboxRow,
  outboundInOrder,
  drain,
  report,
  at,
} = harness;

describe(`outbox sender [${testDbBackend}]`, () => {
  it("two drains at once send each of 10 messages exactly once", async () => {
    const queued = [];
    for (let i = 0; i < 10; i++) queued.push(await queueFor([text(`Message ${i}`)]));
    const options = { batchSize: 2, maxRounds: 10 };
    const reports = await Promise.all([drain(options), drain(options)]);
    expect(reports.reduce((sum, one) => sum + one.sent, 0)).toBe(10);
    expect(reports.every((one) => one.retrying + one.failed + one.uncertain === 0)).toBe(true);

    expect(harness.fake.requests).toHaveLength(10);
    const recipients = harness.fake.requests.map((request) =>
      typeof request.body === "object" && request.body !== null && "to" in request.body
        ? request.body.to
        : null,
    );
    expect(new Set(recipients)).toEqual(new Set(queued.map((one) => one.waId)));
    const wamids = new Set<string | null>();
    for (const { messageIds } of queued) {
      const message = await messageRow(messageIds[0]);
      expect(message.status).toBe("sent");
      wamids.add(message.waMessageId);
      expect((await outboxRow(messageIds[0])).attempts).toBe(1);
    }
    expect(wamids.size).toBe(10);
  });

  it("sends one customer's messages in order, never two at once", async () => {
    const waId = nextWaId();
    await deliverRaw(
      getDb(),
      inboundBody(harness.shop, { type: "text", text: "menu" }, { waId }).body,
    );
    const [customer] = await getDb()
      .select()
      .from(customers)
      .where(and(eq(customers.storeId, harness.shop.store.id), eq(customers.waId, waId)));
    const queued = await outboundInOrder(customer?.id ?? "");
    expect(queued).toHaveLength(2); // the reply and the consent question

    const log: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const tracking: typeof fetch = async (input, init) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      log.push("start");
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
        log.push("end");
      }
    };
    // The first answer is slow: a sender that did not wait would send the second meanwhile.
    harness.fake.respondWith({ delayMs: 300, then: { ok: true } });
    const reports = await Promise.all([
      drain({ fetchImpl: tracking }),
      drain({ fetchImpl: tracking }),
    ]);
    expect(reports.reduce((sum, one) => sum + one.sent, 0)).toBe(2);
    expect(maxInFlight).toBe(1);
    expect(log).toEqual(["start", "end", "start", "end"]);
    expect(harness.fake.requests.map((request) => request.body)).toStrictEqual(
      queued.map((row) => toGraphMessageBody({ to: waId }, row.content as OutgoingContent)),
    );
  });

  it("holds a customer's next message while the one before it waits for a retry", async () => {
    const base = new Date();
    const { messageIds } = await queueFor([text("first"), text("second")], { now: base });
    harness.fake.respondWith({ status: 500 });
    expect(await drain({ now: at(base, 0), random: () => 1 })).toEqual(report({ retrying: 1 }));
    expect(harness.fake.requests).toHaveLength(1);
    expect(await messageRow(messageIds[1])).toMatchObject({ status: "queued" });
    expect((await outboxRow(messageIds[1])).attempts).toBe(0);

    expect(await drain({ now: at(base, MINUTE) })).toEqual(report({ sent: 2 }));
    expect(harness.fake.requests.map((request) => request.body)).toMatchObject([
      { text: { body: "first" } },
      { text: { body: "first" } },
      { text: { body: "second" } },
    ]);
  });

  it("fails a message whose send started before a crash as uncertain, and never resends it", async () => {
    const base = new Date();
    const { messageIds } = await queueFor([text("Did this go out?")], { now: base });
    await getDb().execute(sql`
      update ${outbox}
      set send_started_at = ${new Date(base.getTime() - 3 * MINUTE)},
          claimed_until = ${new Date(base.getTime() - MINUTE)},
          attempts = 1
      where message_id = ${messageIds[0]}`);

    expect(await drain({ now: at(base, 0) })).toEqual(report({ uncertain: 1 }));
    expect(harness.fake.requests).toHaveLength(0);
    const message = await messageRow(messageIds[0]);
    expect(message).toMatchObject({ status: "failed", errorCode: null, waMessageId: null });
    expect(message.errorReason).toMatch(/^Delivery uncertain/);
    const row = await outboxRow(messageIds[0]);
    expect(row.failedAt).toBeInstanceOf(Date);
    expect(row.sentAt).toBeNull();

    expect(await drain({ now: at(base, 60 * MINUTE) })).toEqual(report({}));
    expect(harness.fake.requests).toHaveLength(0);
  });

  it("leaves a row another sender holds alone, and sends it once that claim expires unused", async () => {
    const base = new Date();
    const { messageIds } = await queueFor([text("Claimed")], { now: base });
    await getDb()
      .update(outbox)
      .set({ claimedUntil: new Date(base.getTime() + MINUTE), attempts: 1 })
      .where(eq(outbox.messageId, messageIds[0] ?? ""));
    expect(await drain({ now: at(base, 0) })).toEqual(report({}));
    expect(harness.fake.requests).toHaveLength(0);

    // That sender stopped before it called WhatsApp: nothing was sent, so sending is safe.
    expect(await drain({ now: at(base, 2 * MINUTE) })).toEqual(report({ sent: 1 }));
    expect(harness.fake.requests).toHaveLength(1);
    expect(await messageRow(messageIds[0])).toMatchObject({ status: "sent" });
  });
});
