import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as cronGet } from "@/app/api/cron/tick/route";
import { GET as webhookGet, POST as webhookPost } from "@/app/api/webhooks/whatsapp/route";
import { customers, type Message, messages, webhookEvents } from "@/db/schema";
import { type TickReport, tick } from "@/lib/jobs/tick";
import { resetEnvForTests } from "@/lib/env";
import type { WhatsAppPlatformConfig } from "@/lib/whatsapp/channel";
import { drainOutbox } from "@/lib/whatsapp/send-outbox";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { type FakeGraphApi, startFakeGraphApi } from "../support/fake-graph-api";
import { setupTestDatabase, testDbBackend } from "../support/database";
import {
  type ChatStoreFixture,
  createChatStore,
  deliverRaw,
  inboundBody,
  nextWamid,
  statusBody,
  TEST_APP_SECRET,
  testPlatformConfig,
} from "./fixtures";

// `after()` needs a Next request scope; here it keeps the task so the test can run it.
const afterTasks = vi.hoisted((): (() => unknown)[] => []);
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => {
    afterTasks.push(task);
  },
}));

const TOKEN = "EAAG-test-token-xxxxxxxxxxxx";
const CRON_SECRET = "cron-secret-for-tests-0123456789";
const VERIFY_TOKEN = "verify-token-for-tests";

const getDb = setupTestDatabase();
let fake: FakeGraphApi;
let shop: ChatStoreFixture;
let graph: WhatsAppPlatformConfig;

const ENV = {
  AUTH_SECRET: randomBytes(32).toString("base64"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  WHATSAPP_APP_SECRET: TEST_APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
  WHATSAPP_ACCESS_TOKEN: TOKEN,
  CRON_SECRET,
};
type EnvName = keyof typeof ENV | "WHATSAPP_GRAPH_API_URL" | "WHATSAPP_PHONE_NUMBERS";
const saved = new Map<EnvName, string | undefined>();

function setEnv(name: EnvName, value: string | undefined): void {
  if (!saved.has(name)) saved.set(name, process.env[name]);
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  resetEnvForTests();
}

beforeAll(async () => {
  fake = await startFakeGraphApi({ accessToken: TOKEN });
  shop = await createChatStore(getDb());
  graph = testPlatformConfig({ platformAccessToken: TOKEN, graphApiUrl: fake.url });
  // Every secret is set, so lib/env.ts generates none into DATA_DIR.
  for (const [name, value] of Object.entries(ENV)) setEnv(name as keyof typeof ENV, value);
  setEnv("WHATSAPP_GRAPH_API_URL", fake.url);
  setEnv("WHATSAPP_PHONE_NUMBERS", `${shop.phoneNumberId}:${shop.store.slug}`);
});

afterAll(async () => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
  await fake.close();
});

beforeEach(() => {
  fake.requests.length = 0;
  afterTasks.length = 0;
});

let customerCounter = 0;
function nextWaId(): string {
  customerCounter += 1;
  return `8190${String(customerCounter).padStart(8, "0")}`;
}

/** A customer says hello: the bot queues its reply and the consent question. */
async function customerWrites(): Promise<{ waId: string; customerId: string }> {
  const waId = nextWaId();
  const outcome = await deliverRaw(
    getDb(),
    inboundBody(shop, { type: "text", text: "hello" }, { waId }).body,
  );
  expect(outcome.stored).toBe(1);
  const [customer] = await getDb()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, shop.store.id), eq(customers.waId, waId)));
  if (!customer) throw new Error("no customer");
  return { waId, customerId: customer.id };
}

async function outboundOf(customerId: string): Promise<Message[]> {
  return getDb()
    .select()
    .from(messages)
    .where(and(eq(messages.customerId, customerId), eq(messages.direction, "outbound")));
}

function recipientOf(body: unknown): unknown {
  return typeof body === "object" && body !== null && "to" in body ? body.to : null;
}

function cronRequest(authorization?: string): Request {
  return new Request("http://localhost/api/cron/tick", {
    headers: authorization === undefined ? {} : { authorization },
  });
}

describe(`scheduled work [${testDbBackend}]`, () => {
  it("two ticks at once send every message once and apply a waiting status once", async () => {
    // A status that arrived before its message's send was recorded, due for a retry.
    const first = await customerWrites();
    await drainOutbox(getDb(), { config: graph });
    const [sent] = await outboundOf(first.customerId);
    if (!sent) throw new Error("nothing was sent");
    const lateWamid = nextWamid();
    const minuteAgo = new Date(Date.now() - 60_000);
    const early = await deliverRaw(
      getDb(),
      statusBody(shop, { wamid: lateWamid, status: "delivered", recipientId: first.waId }),
      { now: minuteAgo },
    );
    expect(early.failed).toBe(1);
    await getDb().update(messages).set({ waMessageId: lateWamid }).where(eq(messages.id, sent.id));

    const writers = [];
    for (let i = 0; i < 5; i++) writers.push(await customerWrites());
    fake.requests.length = 0;

    const reports: TickReport[] = await Promise.all([tick(getDb(), graph), tick(getDb(), graph)]);
    const outboxOf = (report: TickReport) => {
      if ("error" in report.drainOutbox) throw new Error(report.drainOutbox.error);
      return report.drainOutbox;
    };
    const retriesOf = (report: TickReport) => {
      if ("error" in report.retryFailed) throw new Error(report.retryFailed.error);
      return report.retryFailed;
    };

    const total = (pick: (report: TickReport) => number) =>
      reports.reduce((sum, report) => sum + pick(report), 0);
    expect(total((report) => outboxOf(report).sent)).toBe(10);
    expect(total((report) => outboxOf(report).retrying + outboxOf(report).failed)).toBe(0);
    expect(total((report) => outboxOf(report).uncertain)).toBe(0);
    expect(total((report) => retriesOf(report).applied)).toBe(1);
    expect(total((report) => retriesOf(report).failed + retriesOf(report).gaveUp)).toBe(0);

    expect(fake.requests).toHaveLength(10);
    const bodies = fake.requests.map((request) => JSON.stringify(request.body));
    expect(new Set(bodies).size).toBe(10);
    for (const writer of writers) {
      const rows = await outboundOf(writer.customerId);
      expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
      expect(
        fake.requests.filter((request) => recipientOf(request.body) === writer.waId),
      ).toHaveLength(2);
    }
    const [late] = await getDb().select().from(messages).where(eq(messages.id, sent.id));
    expect(late?.status).toBe("delivered");
    const [event] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, `status:${lateWamid}:delivered`));
    expect(event?.processedAt).toBeInstanceOf(Date);
  });

  it("GET /api/cron/tick refuses a missing or wrong bearer with 401", async () => {
    const { customerId } = await customerWrites();
    for (const authorization of [
      undefined,
      "",
      "Bearer",
      "Bearer wrong-secret-0123456789",
      `Bearer ${CRON_SECRET}x`,
      `bearer ${CRON_SECRET}`,
      CRON_SECRET,
      `Basic ${Buffer.from(`user:${CRON_SECRET}`).toString("base64")}`,
    ]) {
      const response = await cronGet(cronRequest(authorization));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized" });
    }
    expect(fake.requests).toHaveLength(0);
    expect((await outboundOf(customerId)).every((row) => row.status === "queued")).toBe(true);
    // Leave nothing queued for the next test.
    await drainOutbox(getDb(), { config: graph });
  });

  it("GET /api/cron/tick runs the tick with the right bearer", async () => {
    const { waId, customerId } = await customerWrites();
    const response = await cronGet(cronRequest(`Bearer ${CRON_SECRET}`));
    expect(response.status).toBe(200);
    const report = (await response.json()) as TickReport;
    expect(report).toMatchObject({
      applyInbox: { applied: 0, failed: 0, gaveUp: 0 },
      drainOutbox: { sent: 2, retrying: 0, failed: 0, uncertain: 0, blocked: 0 },
      retryFailed: { applied: 0, failed: 0, gaveUp: 0 },
      prune: { webhookEvents: 0, outbox: 0, rateLimits: 0, events: 0 },
      // The conversation and messages just written: their day recomputed, nothing left over.
      analyticsRollups: { left: 0, failed: 0 },
    });
    expect(report.tookMs).toBeGreaterThanOrEqual(0);
    expect((report.analyticsRollups as { days: number }).days).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests.every((request) => recipientOf(request.body) === waId)).toBe(true);
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect((await outboundOf(customerId)).map((row) => row.status)).toEqual(["sent", "sent"]);
  });
});

describe(`/api/webhooks/whatsapp [${testDbBackend}]`, () => {
  function verify(query: Record<string, string>): Promise<Response> {
    const url = new URL("http://localhost/api/webhooks/whatsapp");
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return webhookGet(new Request(url));
  }

  it("GET echoes the challenge as text/plain when the verify token matches", async () => {
    const response = await verify({
      "hub.mode": "subscribe",
      "hub.verify_token": VERIFY_TOKEN,
      "hub.challenge": "1158201444",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("1158201444");
  });

  it.each([
    [
      "a wrong token",
      { "hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "1" },
    ],
    [
      "a longer token",
      { "hub.mode": "subscribe", "hub.verify_token": `${VERIFY_TOKEN}x`, "hub.challenge": "1" },
    ],
    ["no token", { "hub.mode": "subscribe", "hub.challenge": "1" }],
    [
      "another mode",
      { "hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1" },
    ],
  ])("GET refuses %s with 403", async (_what, query: Record<string, string>) => {
    const response = await verify(query);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Forbidden");
  });

  function post(body: string, signature: string | null): Promise<Response> {
    return webhookPost(
      new Request("http://localhost/api/webhooks/whatsapp", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(signature === null ? {} : { "x-hub-signature-256": signature }),
        },
        body,
      }),
    );
  }

  it("POST refuses a bad or missing signature with 401 and stores nothing", async () => {
    const { body, wamid } = inboundBody(shop, { type: "text", text: "hi" }, { waId: nextWaId() });
    const bytes = new TextEncoder().encode(body);
    for (const signature of [
      null,
      "sha256=00",
      signWebhookBody(bytes, "ffffffffffffffffffffffffffffffff"),
      signWebhookBody(new TextEncoder().encode(`${body} `), TEST_APP_SECRET),
    ]) {
      const response = await post(body, signature);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ stored: 0 });
    }
    const stored = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, `message:${wamid}`));
    expect(stored).toHaveLength(0);
    expect(afterTasks).toHaveLength(0);
  });

  it("POST stores a signed message, answers 200, and sends the replies after the response", async () => {
    const waId = nextWaId();
    const { body } = inboundBody(shop, { type: "text", text: "hello" }, { waId });
    const response = await post(
      body,
      signWebhookBody(new TextEncoder().encode(body), TEST_APP_SECRET),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      message: "ok",
      stored: 1,
      duplicates: 0,
      failed: 0,
      ignored: 0,
    });
    // Nothing but the inbox row happens in the request: no customer, no message yet.
    const customerRows = () =>
      getDb()
        .select()
        .from(customers)
        .where(and(eq(customers.storeId, shop.store.id), eq(customers.waId, waId)));
    expect(await customerRows()).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
    expect(afterTasks).toHaveLength(1);

    await Promise.all(afterTasks.map((task) => task()));
    expect(await customerRows()).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests.every((request) => recipientOf(request.body) === waId)).toBe(true);

    // Meta redelivers: 200, nothing stored, nothing more to send.
    const again = await post(
      body,
      signWebhookBody(new TextEncoder().encode(body), TEST_APP_SECRET),
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect(afterTasks).toHaveLength(1);
  });
});
