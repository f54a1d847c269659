import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, lastFour } from "@/lib/crypto/secrets";

const key = randomBytes(32).toString("base64");
const context = "store-a:stripe_secret_key";
const secret = "sk_test_51HxExampleSecretValue9876";

describe("secrets (AES-256-GCM)", () => {
  it("round-trips and does not contain the plaintext", () => {
    const sealed = encryptSecret(secret, key, context);
    expect(sealed).not.toContain(secret);
    expect(decryptSecret(sealed, key, context)).toBe(secret);
  });

  it("uses a different IV each time", () => {
    const a = encryptSecret(secret, key, context);
    const b = encryptSecret(secret, key, context);
    expect(a).not.toBe(b);
    expect(a.split(":")[1]).not.toBe(b.split(":")[1]);
  });

  it("rejects a tampered ciphertext", () => {
    const [version, iv, tag, ciphertext] = encryptSecret(secret, key, context).split(":") as [
      string,
      string,
      string,
      string,
    ];
    const bytes = Buffer.from(ciphertext, "base64");
    bytes[0] = bytes[0]! ^ 0x01;
    const tampered = [version, iv, tag, bytes.toString("base64")].join(":");
    expect(() => decryptSecret(tampered, key, context)).toThrow();
  });

  it("rejects a ciphertext moved to another store or field", () => {
    const sealed = encryptSecret(secret, key, context);
    expect(() => decryptSecret(sealed, key, "store-b:stripe_secret_key")).toThrow();
    expect(() => decryptSecret(sealed, key, "store-a:whatsapp_access_token")).toThrow();
  });

  it("rejects the wrong key", () => {
    const sealed = encryptSecret(secret, key, context);
    expect(() => decryptSecret(sealed, randomBytes(32).toString("base64"), context)).toThrow();
  });

  it("shows only the last four characters", () => {
    expect(lastFour(secret)).toBe("9876");
  });
});
