import { setTimeout as sleep } from "node:timers/promises";
import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { processWebhookEvents } from "@/lib/processing/processor";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  nextWamid,
  testPlatformConfig,
} from "../whatsapp/fixtures";
import { freshWaId, inboundTexts, receiveOnly, textPayload } from "./helpers";

const getDb = setupTestDatabase();
const config = testPlatformConfig();
let shop: ChatStoreFixture;

beforeAll(async () => {
  shop = await createChatStore(getDb());
});

type Sent = { waId: string; wamid: string; at: Date; receipt: number };

/** A deterministic shuffle (no flaky orders): a linear congruential generator. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe(`per-customer order under concurrent processors [${testDbBackend}]`, () => {
  it("applies each customer's items once, in Meta's timestamp order, receipt order breaking ties", async () => {
    const base = Date.now() - 3_600_000;
    const planned: Omit<Sent, "receipt">[] = [];
    for (let customer = 0; customer < 6; customer++) {
      const waId = freshWaId();
      for (let i = 0; i < 5; i++) {
        // Items 2 and 3 share a timestamp: receipt order decides between them.
        const second = i === 3 ? 2 : i;
        planned.push({ waId, wamid: nextWamid(), at: new Date(base + second * 1000) });
      }
    }
    // Meta's deliveries arrive out of order; the tied pair keeps its relative receipt order
    // only by chance, so the expectation is computed from the receipt order actually used.
    const sent: Sent[] = [];
    for (const [receipt, item] of shuffled(planned, 7).entries()) {
      sent.push({ ...item, receipt });
      await receiveOnly(
        getDb(),
        textPayload(shop, { waId: item.waId, wamid: item.wamid, text: `m${receipt}`, at: item.at }),
      );
    }

    const appliedOrder = new Map<string, string[]>();
    const processors = Array.from({ length: 4 }, (_, index) =>
      processWebhookEvents(getDb(), {
        config,
        afterApply: async (event) => {
          const list = appliedOrder.get(event.lane) ?? [];
          list.push(event.externalId);
          appliedOrder.set(event.lane, list);
          await sleep((index * 3 + list.length) % 5);
        },
      }),
    );
    const reports = await Promise.all(processors);
    expect(reports.reduce((sum, report) => sum + report.applied, 0)).toBe(planned.length);
    expect(reports.every((report) => report.failed === 0 && report.gaveUp === 0)).toBe(true);

    const byCustomer = new Map<string, Sent[]>();
    for (const item of sent)
      byCustomer.set(item.waId, [...(byCustomer.get(item.waId) ?? []), item]);
    for (const [waId, items] of byCustomer) {
      const expected = [...items]
        .sort((a, b) => a.at.getTime() - b.at.getTime() || a.receipt - b.receipt)
        .map((item) => `message:${item.wamid}`);
      expect(appliedOrder.get(`whatsapp:${shop.phoneNumberId}:${waId}`)).toEqual(expected);
      expect(await inboundTexts(getDb(), shop.store.id, waId)).toHaveLength(items.length);
    }
    const rows = await getDb()
      .select({ processedAt: webhookEvents.processedAt })
      .from(webhookEvents)
      .where(
        inArray(
          webhookEvents.externalId,
          sent.map((item) => `message:${item.wamid}`),
        ),
      );
    expect(rows.every((row) => row.processedAt !== null)).toBe(true);
  });
});

// PGlite runs one transaction at a time, so an item held open by one processor would block
// every other processor there; this is a race only PostgreSQL can show (CI runs it).
describe.runIf(testDbBackend === "postgres")(
  "a customer's item in progress holds only that customer [postgres]",
  () => {
    it("lets another customer's item through and keeps the held customer's next item waiting", async () => {
      const [held, free] = [freshWaId(), freshWaId()];
      const first = nextWamid();
      const second = nextWamid();
      const base = Date.now() - 60_000;
      await receiveOnly(
        getDb(),
        textPayload(shop, { waId: held, wamid: first, text: "1", at: new Date(base) }),
      );
      await receiveOnly(
        getDb(),
        textPayload(shop, { waId: held, wamid: second, text: "2", at: new Date(base + 1000) }),
      );
      const freeWamid = nextWamid();
      await receiveOnly(
        getDb(),
        textPayload(shop, { waId: free, wamid: freeWamid, text: "hi", at: new Date(base) }),
      );

      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const holding = new Promise<void>((resolve) => (started = resolve));
      const order: string[] = [];
      const heldLane = `whatsapp:${shop.phoneNumberId}:${held}`;
      const slow = processWebhookEvents(getDb(), {
        config,
        lanes: [heldLane],
        afterApply: async (event) => {
          order.push(event.externalId);
          if (event.externalId === `message:${first}`) {
            started();
            await gate;
          }
        },
      });
      await holding;
      const other = await processWebhookEvents(getDb(), {
        config,
        lanes: [heldLane, `whatsapp:${shop.phoneNumberId}:${free}`],
      });
      expect(other).toEqual({ applied: 1, failed: 0, gaveUp: 0 });
      expect(await inboundTexts(getDb(), shop.store.id, free)).toHaveLength(1);
      expect(await inboundTexts(getDb(), shop.store.id, held)).toHaveLength(0);

      release();
      expect(await slow).toEqual({ applied: 2, failed: 0, gaveUp: 0 });
      expect(order).toEqual([`message:${first}`, `message:${second}`]);
      expect(await inboundTexts(getDb(), shop.store.id, held)).toHaveLength(2);
    });
  },
);
