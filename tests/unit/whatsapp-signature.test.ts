import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isAuthorizedCronRequest } from "@/lib/jobs/cron-auth";
import { isValidWebhookSignature, signWebhookBody } from "@/lib/whatsapp/signature";
import { verifyWebhookSubscription } from "@/lib/whatsapp/subscription";

const secret = "0123456789abcdef0123456789abcdef";
const bytes = (text: string) => new TextEncoder().encode(text);

describe("X-Hub-Signature-256", () => {
  const body = bytes('{"object":"whatsapp_business_account","entry":[]}');

  it("accepts the HMAC-SHA256 of the exact bytes, as Meta computes it", () => {
    const expected = "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
    expect(signWebhookBody(body, secret)).toBe(expected);
    expect(isValidWebhookSignature(body, expected, secret)).toBe(true);
  });

  it("refuses a missing header, a wrong secret, a changed byte and malformed hex", () => {
    const good = signWebhookBody(body, secret);
    expect(isValidWebhookSignature(body, null, secret)).toBe(false);
    expect(
      isValidWebhookSignature(
        body,
        signWebhookBody(body, "ffffffffffffffffffffffffffffffff"),
        secret,
      ),
    ).toBe(false);
    const changed = Uint8Array.from(body);
    changed[10] = (changed[10] ?? 0) ^ 1;
    expect(isValidWebhookSignature(changed, good, secret)).toBe(false);
    expect(isValidWebhookSignature(body, good.slice(0, -2), secret)).toBe(false);
    expect(isValidWebhookSignature(body, "sha256=not-hex", secret)).toBe(false);
    expect(isValidWebhookSignature(body, good.replace("sha256=", "sha1="), secret)).toBe(false);
  });

  it("signs escaped unicode and literal Japanese as different bytes, each valid only for itself", () => {
    const escaped = bytes('{"text":"\\u3053\\u3093"}');
    const literal = bytes('{"text":"こん"}');
    expect(isValidWebhookSignature(escaped, signWebhookBody(escaped, secret), secret)).toBe(true);
    expect(isValidWebhookSignature(literal, signWebhookBody(literal, secret), secret)).toBe(true);
    expect(isValidWebhookSignature(literal, signWebhookBody(escaped, secret), secret)).toBe(false);
  });
});

describe("webhook subscription handshake", () => {
  it("echoes the challenge only for mode=subscribe with the right token", () => {
    const query = {
      "hub.mode": "subscribe",
      "hub.verify_token": "tok-123",
      "hub.challenge": "1158201444",
    };
    expect(verifyWebhookSubscription(query, "tok-123")).toBe("1158201444");
    expect(
      verifyWebhookSubscription({ ...query, "hub.verify_token": "tok-124" }, "tok-123"),
    ).toBeNull();
    expect(
      verifyWebhookSubscription({ ...query, "hub.mode": "unsubscribe" }, "tok-123"),
    ).toBeNull();
    expect(verifyWebhookSubscription(query, undefined)).toBeNull();
  });
});

describe("cron bearer", () => {
  it("accepts only the exact secret", () => {
    expect(isAuthorizedCronRequest("Bearer s3cret-s3cret-s3cret", "s3cret-s3cret-s3cret")).toBe(
      true,
    );
    expect(isAuthorizedCronRequest("Bearer s3cret-s3cret-s3creT", "s3cret-s3cret-s3cret")).toBe(
      false,
    );
    expect(isAuthorizedCronRequest("s3cret-s3cret-s3cret", "s3cret-s3cret-s3cret")).toBe(false);
    expect(isAuthorizedCronRequest(null, "s3cret-s3cret-s3cret")).toBe(false);
  });
});
