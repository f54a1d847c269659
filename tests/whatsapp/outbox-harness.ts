/**
 * Shared setup for the outbox sender tests (outbox-sending.test.ts, outbox-claims.test.ts).
 *
 * Call setupOutboxHarness() once, at the top level of a test file: it sets up the file's
 * database, starts a fake Graph API and creates a store, and registers the hooks that do so.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Database } from "@/db/drivers";
import {
  conversations,
  type Customer,
  customers,
  type Message,
  messages,
  outbox,
} from "@/db/schema";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { queueOutgoingMessage } from "@/lib/whatsapp/queue-message";
import type { SendPurpose } from "@/lib/whatsapp/send-policy";
import {
  type DrainReport,
  drainOutbox,
  type OutboxSenderOptions,
} from "@/lib/whatsapp/send-outbox";
import { type FakeGraphApi, startFakeGraphApi } from "../support/fake-graph-api";
import { setupTestDatabase } from "../support/database";
import { type ChatStoreFixture, createChatStore, testPlatformConfig } from "./fixtures";

const TOKEN = "EAAG-test-token-xxxxxxxxxxxx";
const MINUTE = 60_000;

export type QueuedFor = {
  waId: string;
  customerId: string;
  conversationId: string;
  messageIds: string[];
};

export type QueueOptions = {
  now?: Date;
  store?: ChatStoreFixture;
  /** The customer's consent and last message (default: wrote at `now`, never asked). */
  customer?: Partial<Pick<Customer, "lastInboundAt" | "optedInAt" | "optedOutAt">>;
  purpose?: SendPurpose;
};

export type OutboxHarness = {
  /** The platform access token the fake Graph API accepts. */
  readonly TOKEN: string;
  readonly MINUTE: number;
  /** The fake Graph API; its recorded requests are cleared before each test. */
  readonly fake: FakeGraphApi;
  /** The store created for the file. */
  readonly shop: ChatStoreFixture;
  /** A platform config that sends to the fake with TOKEN. */
  readonly config: WhatsAppPlatformConfig;
  getDb(): Database;
  nextWaId(): string;
  queueFor(contents: OutgoingContent[], options?: QueueOptions): Promise<QueuedFor>;
  text(body: string): OutgoingContent;
  messageRow(id: string | undefined): Promise<Message>;
  outboxRow(messageId: string | undefined): Promise<typeof outbox.$inferSelect>;
  outboundInOrder(customerId: string): Promise<Message[]>;
  drain(options?: Partial<OutboxSenderOptions>): Promise<DrainReport>;
  report(overrides: Partial<DrainReport>): DrainReport;
  at(base: Date, offsetMs: number): () => Date;
};

/** Registers the file's beforeAll/afterAll/beforeEach hooks; call once per test file. */
export function setupOutboxHarness(): OutboxHarness {
  const getDb = setupTestDatabase();
  let fake: FakeGraphApi | undefined;
  let shop: ChatStoreFixture | undefined;
  let graph: WhatsAppPlatformConfig | undefined;

  beforeAll(async () => {
    fake = await startFakeGraphApi({ accessToken: TOKEN });
    shop = await createChatStore(getDb());
    graph = testPlatformConfig({ platformAccessToken: TOKEN, graphApiUrl: fake.url });
  });

  afterAll(async () => {
    await fake?.close();
  });

  beforeEach(async () => {
    ready("fake", fake).requests.length = 0;
    // The outbox is shared by every store: settle what an earlier test left behind.
    await getDb()
      .update(outbox)
      .set({ failedAt: new Date(), lastError: "settled by the test" })
      .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt)));
  });

  let customerCounter = 0;
  function nextWaId(): string {
    customerCounter += 1;
    return `8170${String(customerCounter).padStart(8, "0")}`;
  }

  /** A customer who wrote at `now` (or as `options.customer` says), with `contents` queued. */
  async function queueFor(
    contents: OutgoingContent[],
    options: QueueOptions = {},
  ): Promise<QueuedFor> {
    const now = options.now ?? new Date();
    const store = options.store ?? ready("shop", shop);
    const waId = nextWaId();
    return getDb().transaction(async (tx) => {
      const [customer] = await tx
        .insert(customers)
        .values({
          storeId: store.store.id,
          waId,
          phone: `+${waId}`,
          lastInboundAt: now,
          ...options.customer,
        })
        .returning();
      if (!customer) throw new Error("customer insert returned no row");
      const [conversation] = await tx
        .insert(conversations)
        .values({ storeId: store.store.id, customerId: customer.id, language: "en" })
        .returning();
      if (!conversation) throw new Error("conversation insert returned no row");
      const messageIds: string[] = [];
      for (const content of contents) {
        const result = await queueOutgoingMessage(tx, {
          storeId: store.store.id,
          conversationId: conversation.id,
          customer,
          content,
          author: "bot",
          purpose: options.purpose ?? "reply",
          dedupeKey: `test:${randomUUID()}`,
          now,
        });
        if (!result.queued) throw new Error(`not queued: ${result.reason}`);
        messageIds.push(result.messageId);
      }
      return { waId, customerId: customer.id, conversationId: conversation.id, messageIds };
    });
  }

  function text(body: string): OutgoingContent {
    return { type: "text", text: body };
  }

  async function messageRow(id: string | undefined): Promise<Message> {
    const [row] = await getDb()
      .select()
      .from(messages)
      .where(eq(messages.id, id ?? ""));
    if (!row) throw new Error(`no message ${id}`);
    return row;
  }

  async function outboxRow(messageId: string | undefined) {
    const [row] = await getDb()
      .select()
      .from(outbox)
      .where(eq(outbox.messageId, messageId ?? ""));
    if (!row) throw new Error(`no outbox row for ${messageId}`);
    return row;
  }

  /** The customer's outbound messages in queue order. */
  async function outboundInOrder(customerId: string): Promise<Message[]> {
    const rows = await getDb()
      .select({ message: messages })
      .from(outbox)
      .innerJoin(messages, eq(messages.id, outbox.messageId))
      .where(eq(outbox.customerId, customerId))
      .orderBy(asc(outbox.sequence));
    return rows.map((row) => row.message);
  }

  function drain(options: Partial<OutboxSenderOptions> = {}): Promise<DrainReport> {
    return drainOutbox(getDb(), { config: ready("config", graph), ...options });
  }

  function report(overrides: Partial<DrainReport>): DrainReport {
    return { sent: 0, retrying: 0, failed: 0, uncertain: 0, blocked: 0, ...overrides };
  }

  const at = (base: Date, offsetMs: number) => () => new Date(base.getTime() + offsetMs);

  return {
    TOKEN,
    MINUTE,
    get fake() {
      return ready("fake", fake);
    },
    get shop() {
      return ready("shop", shop);
    },
    get config() {
      return ready("config", graph);
    },
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
  };
}

function ready<T>(name: string, value: T | undefined): T {
  if (value === undefined)
    throw new Error(`setupOutboxHarness(): ${name} exists only inside tests and hooks`);
  return value;
}
