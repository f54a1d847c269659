import { createHash } from "node:crypto";

/**
 * The simulated shopper's WhatsApp id. 1 555 is the North American fictional range, and
 * the 999 after it keeps these apart from any number a real shopper could write from.
 */
export const SIMULATOR_WA_ID_PREFIX = "1555999";

/** One stable test number per dashboard user: the prefix and 8 digits from the user id. */
export function simulatorWaId(userId: string): string {
  const digest = createHash("sha256").update(`chatcart-simulator:${userId}`).digest();
  const digits = (digest.readBigUInt64BE(0) % 100_000_000n).toString().padStart(8, "0");
  return `${SIMULATOR_WA_ID_PREFIX}${digits}`;
}

export function isSimulatorWaId(waId: string): boolean {
  return new RegExp(`^${SIMULATOR_WA_ID_PREFIX}\\d{8}$`).test(waId);
}

export const DEFAULT_SIMULATOR_NAME = "Test shopper";
