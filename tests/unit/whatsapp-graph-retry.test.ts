import { describe, expect, it } from "vitest";
import {
  MAX_RETRY_DELAY_MS,
  MAX_SEND_ATTEMPTS,
  retryDelayMs,
  shouldRetry,
  type RetryableFailure,
} from "@/lib/whatsapp/retry";

const serverError: RetryableFailure = { failure: { code: null }, retryAfterMs: null };
const pairRate: RetryableFailure = { failure: { code: 131056 }, retryAfterMs: null };
const top = () => 0.999999;
const bottom = () => 0;
const half = () => 0.5;

describe("retryDelayMs", () => {
  it("doubles the ceiling from 2 s each attempt", () => {
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, serverError, top));
    expect(ceilings).toStrictEqual([1_999, 3_999, 7_999, 15_999, 31_999]);
    expect(retryDelayMs(3, serverError, half)).toBe(4_000);
  });

  it("jitters across the whole range [0, ceiling)", () => {
    expect(retryDelayMs(4, serverError, bottom)).toBe(0);
    let seed = 1;
    const lcg = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const delays = Array.from({ length: 200 }, () => retryDelayMs(4, serverError, lcg));
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(16_000);
    }
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it("uses Math.random by default and stays within bounds", () => {
    for (let i = 0; i < 50; i++) {
      const delay = retryDelayMs(2, serverError);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(4_000);
    }
  });

  it("caps at 15 minutes", () => {
    expect(retryDelayMs(10, serverError, top)).toBeLessThan(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(10, serverError, top)).toBeGreaterThan(MAX_RETRY_DELAY_MS - 1_000);
    expect(retryDelayMs(50, serverError, () => 1)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(5000, serverError, half)).toBe(MAX_RETRY_DELAY_MS / 2);
    expect(MAX_RETRY_DELAY_MS).toBe(900_000);
  });

  it("waits at least Retry-After", () => {
    const throttled: RetryableFailure = { failure: { code: 130429 }, retryAfterMs: 30_000 };
    expect(retryDelayMs(1, throttled, bottom)).toBe(30_000);
    expect(retryDelayMs(1, throttled, top)).toBe(30_000);
    // A longer backoff still wins over a short Retry-After.
    expect(retryDelayMs(8, { ...throttled, retryAfterMs: 1_000 }, half)).toBe(128_000);
    // Even Retry-After stays under the cap.
    expect(retryDelayMs(1, { ...throttled, retryAfterMs: 3_600_000 }, bottom)).toBe(
      MAX_RETRY_DELAY_MS,
    );
  });

  it("spaces pair-rate retries to one customer by at least 6 s × attempt", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, pairRate, bottom))).toStrictEqual([
      6_000, 12_000, 18_000, 24_000,
    ]);
    // Other codes get no such floor.
    expect(retryDelayMs(1, { failure: { code: 130429 }, retryAfterMs: null }, bottom)).toBe(0);
    // The backoff still applies when it is longer than the floor.
    expect(retryDelayMs(6, pairRate, top)).toBe(63_999);
  });

  it("treats odd attempts and random values as the first attempt / clamped", () => {
    expect(retryDelayMs(0, serverError, top)).toBe(1_999);
    expect(retryDelayMs(Number.NaN, serverError, top)).toBe(1_999);
    expect(retryDelayMs(1, serverError, () => 7)).toBe(2_000);
    expect(retryDelayMs(1, serverError, () => -1)).toBe(0);
  });
});

describe("shouldRetry", () => {
  it("retries retryable failures until the attempt limit", () => {
    expect(MAX_SEND_ATTEMPTS).toBe(8);
    expect(shouldRetry(1, { retryable: true })).toBe(true);
    expect(shouldRetry(7, { retryable: true })).toBe(true);
    expect(shouldRetry(8, { retryable: true })).toBe(false);
    expect(shouldRetry(1, { retryable: false })).toBe(false);
  });
});
