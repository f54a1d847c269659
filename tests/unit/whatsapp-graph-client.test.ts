import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendWhatsAppMessage, type SendResult } from "@/lib/whatsapp/client";
import { toGraphMessageBody } from "@/lib/whatsapp/graph-request";
import { startFakeGraphApi, type FakeGraphApi } from "@/tests/support/fake-graph-api";

const accessToken = "EAAGtestTokenThatMustNeverLeak";
const phoneNumberId = "106540352242922";
const body = toGraphMessageBody({ to: "+819012345678" }, { type: "text", text: "Hi there" });

let api: FakeGraphApi;

beforeAll(async () => {
  api = await startFakeGraphApi({ accessToken });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.requests.length = 0;
});

function send(overrides: { accessToken?: string; timeoutMs?: number } = {}): Promise<SendResult> {
  return sendWhatsAppMessage({
    graphApiUrl: api.url,
    phoneNumberId,
    accessToken,
    body,
    ...overrides,
  });
}

function failed(result: SendResult) {
  if (result.ok) throw new Error(`expected a failure, got wamid ${result.wamid}`);
  return result;
}

describe("sendWhatsAppMessage", () => {
  it("returns the wamid and sends the right URL, headers and body", async () => {
    api.respondWith({ ok: true });
    const result = await sendWhatsAppMessage({
      graphApiUrl: `${api.url}/`,
      phoneNumberId,
      accessToken,
      body,
    });

    expect(result).toStrictEqual({ ok: true, wamid: "wamid.1" });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/v23.0/${phoneNumberId}/messages`);
    expect(request?.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toStrictEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "+819012345678",
      type: "text",
      text: { body: "Hi there", preview_url: false },
    });
  });

  it("encodes the phone number id into the path", async () => {
    const result = await sendWhatsAppMessage({
      graphApiUrl: api.url,
      phoneNumberId: "../other",
      accessToken,
      body,
    });
    expect(api.requests[0]?.path).toBe("/v23.0/..%2Fother/messages");
    expect(result.ok).toBe(true);
  });

  it("treats HTTP 500 as retryable", async () => {
    api.respondWith({ status: 500 });
    const { failure, retryAfterMs } = failed(await send());
    expect(failure).toMatchObject({ retryable: true, httpStatus: 500 });
    expect(failure.reason).toContain("HTTP 500");
    expect(retryAfterMs).toBeNull();
  });

  it("treats 429 / 130429 as retryable and reads Retry-After", async () => {
    api.respondWith({ status: 429, code: 130429, retryAfterSeconds: 30 });
    const { failure, retryAfterMs } = failed(await send());
    expect(failure).toMatchObject({ retryable: true, code: 130429, httpStatus: 429 });
    expect(retryAfterMs).toBe(30_000);
  });

  it("treats the pair rate limit (131056) as retryable", async () => {
    api.respondWith({ status: 400, code: 131056 });
    const { failure } = failed(await send());
    expect(failure).toMatchObject({ retryable: true, code: 131056, httpStatus: 400 });
    expect(failure.reason).toMatch(/too many messages .* this customer/i);
  });

  it("treats the closed 24-hour window (131047) as permanent with a readable reason", async () => {
    api.respondWith({ status: 400, code: 131047 });
    const { failure } = failed(await send());
    expect(failure).toMatchObject({ retryable: false, code: 131047, httpStatus: 400 });
    expect(failure.reason).toMatch(/24 hours/);
    expect(failure.reason).toMatch(/template/);
  });

  it("treats an undeliverable message (131026) as permanent", async () => {
    api.respondWith({ status: 400, code: 131026 });
    const { failure } = failed(await send());
    expect(failure).toMatchObject({ retryable: false, code: 131026 });
    expect(failure.reason).toMatch(/not be on WhatsApp/);
  });

  it("treats a bad access token (401 / 190) as permanent and never echoes the token", async () => {
    const result = failed(await send({ accessToken: "EAAGwrongToken" }));
    expect(result.failure).toMatchObject({ retryable: false, code: 190, httpStatus: 401 });
    expect(result.failure.reason).toMatch(/access token/i);
    expect(JSON.stringify(result)).not.toContain("EAAGwrongToken");
  });

  it("times out a slow server as a retryable failure", async () => {
    api.respondWith({ delayMs: 1_000, then: { ok: true } });
    const started = Date.now();
    const { failure } = failed(await send({ timeoutMs: 150 }));
    expect(Date.now() - started).toBeLessThan(900);
    expect(failure).toMatchObject({
      retryable: true,
      code: null,
      httpStatus: null,
      title: "Timeout",
    });
    expect(failure.reason).toContain("0.2 seconds");
  });

  it("treats a dropped connection as retryable", async () => {
    api.respondWith({ dropConnection: true });
    const { failure } = failed(await send());
    expect(failure).toMatchObject({ retryable: true, httpStatus: null, title: "Network error" });
  });

  it("treats an unreachable server as retryable", async () => {
    const gone = await startFakeGraphApi();
    await gone.close();
    const { failure } = failed(
      await sendWhatsAppMessage({ graphApiUrl: gone.url, phoneNumberId, accessToken, body }),
    );
    expect(failure).toMatchObject({ retryable: true, httpStatus: null });
    expect(failure.reason).toContain("connection refused");
  });

  it("treats a 200 without a message id as permanent (it may have been sent)", async () => {
    api.respondWith({ status: 200, body: { messaging_product: "whatsapp", messages: [] } });
    const { failure } = failed(await send());
    expect(failure).toMatchObject({ retryable: false, httpStatus: 200 });
    expect(failure.reason).toMatch(/unexpected response/i);
  });

  it("survives a non-JSON error body", async () => {
    api.respondWith({ status: 502, body: "<html>Bad gateway</html>" });
    const { failure } = failed(await send());
    expect(failure).toMatchObject({ retryable: true, code: null, httpStatus: 502 });
  });

  it("falls back to success once the queue is used up", async () => {
    api.respondWith({ status: 500 });
    expect((await send()).ok).toBe(false);
    expect((await send()).ok).toBe(true);
  });

  it("uses an injected fetch", async () => {
    const calls: string[] = [];
    const fetchImpl: typeof fetch = async (input) => {
      calls.push(String(input));
      return Response.json({ messages: [{ id: "wamid.injected" }] });
    };
    const result = await sendWhatsAppMessage({
      graphApiUrl: "https://graph.example.test/v23.0",
      phoneNumberId: "123",
      accessToken,
      body,
      fetchImpl,
    });
    expect(result).toStrictEqual({ ok: true, wamid: "wamid.injected" });
    expect(calls).toStrictEqual(["https://graph.example.test/v23.0/123/messages"]);
  });
});
