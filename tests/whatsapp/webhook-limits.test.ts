import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import type { Database } from "@/db/drivers";
import { readLimitedBody } from "@/lib/http/limited-body";
import { saveCredential } from "@/lib/stores/credentials";
import { MAX_WEBHOOK_BODY_BYTES, receiveWhatsAppWebhook } from "@/lib/whatsapp/receive-webhook";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createChatStore, inboundBody, testPlatformConfig } from "./fixtures";

const getDb = setupTestDatabase();
const STORE_SECRET = "fedcba9876543210fedcba9876543210";

/** A body that yields `chunks` chunks of `size` bytes, counting how many were pulled. */
function countingStream(chunks: number, size: number) {
  const pulled = { count: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { stream, pulled };
}

/** The database, counting the queries the webhook starts. */
function countingDb(db: Database) {
  const queries = { count: 0 };
  const counted = new Set(["select", "insert", "update", "delete", "execute", "transaction"]);
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (typeof property === "string" && counted.has(property)) queries.count++;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: proxy, queries };
}

describe(`webhook body limit [${testDbBackend}]`, () => {
  it("answers 413 for a declared Content-Length over 1 MB without reading the body", async () => {
    const { stream, pulled } = countingStream(3, MAX_WEBHOOK_BODY_BYTES);
    const response = await POST(
      new Request("http://localhost/api/webhooks/whatsapp", {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { "content-length": String(3 * MAX_WEBHOOK_BODY_BYTES) },
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled.count).toBeLessThanOrEqual(1);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { stream, pulled } = countingStream(64, 64 * 1024);
    const request = new Request("http://localhost/api/webhooks/whatsapp", {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await readLimitedBody(request, MAX_WEBHOOK_BODY_BYTES)).toEqual({
      ok: false,
      reason: "too-large",
    });
    // 1 MB is 16 chunks: the 17th passes the limit, and nothing after it is asked for.
    expect(pulled.count).toBeLessThanOrEqual(18);
  });

  it("reads a body within the limit byte for byte", async () => {
    const request = new Request("http://localhost/", { method: "POST", body: '{"a":"é"}' });
    const body = await readLimitedBody(request, MAX_WEBHOOK_BODY_BYTES);
    expect(body.ok && new TextDecoder().decode(body.bytes)).toBe('{"a":"é"}');
  });
});

describe(`?store= webhooks are cheap to refuse [${testDbBackend}]`, () => {
  it("looks the store's secret up once, not per unsigned request, and forgets it when it changes", async () => {
    const shop = await createChatStore(getDb());
    const config = testPlatformConfig();
    await saveCredential(
      getDb(),
      shop.store.id,
      "whatsapp_app_secret",
      STORE_SECRET,
      config.encryptionKey,
    );
    const { db, queries } = countingDb(getDb());
    const bytes = new TextEncoder().encode(inboundBody(shop, { type: "text", text: "hi" }).body);
    const deliver = (signature: string | null) =>
      receiveWhatsAppWebhook(db, { rawBody: bytes, signature, storeSlug: shop.store.slug }, config);

    for (let i = 0; i < 5; i++) {
      expect(await deliver("sha256=00")).toMatchObject({ status: 401, stored: 0 });
    }
    expect(queries.count).toBe(1);

    const rotated = "00112233445566778899aabbccddeeff";
    await saveCredential(
      getDb(),
      shop.store.id,
      "whatsapp_app_secret",
      rotated,
      config.encryptionKey,
    );
    queries.count = 0;
    expect(await deliver(signWebhookBody(bytes, STORE_SECRET))).toMatchObject({ status: 401 });
    expect(queries.count).toBe(1);
    expect(await deliver(signWebhookBody(bytes, rotated))).toMatchObject({
      status: 200,
      stored: 1,
    });
  });

  it("answers 404 for an unknown store, also from memory the second time", async () => {
    const { db, queries } = countingDb(getDb());
    const deliver = () =>
      receiveWhatsAppWebhook(
        db,
        { rawBody: new Uint8Array(0), signature: null, storeSlug: "no-such-store-x1" },
        testPlatformConfig(),
      );
    expect(await deliver()).toMatchObject({ status: 404 });
    expect(await deliver()).toMatchObject({ status: 404 });
    expect(queries.count).toBe(1);
  });
});
