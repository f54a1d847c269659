import "server-only";
import type { Database } from "@/db/drivers";
import type { StripePlatformConfig } from "./config";

// Contract for the branch that builds Checkout Sessions (replaced there; not called on main yet).

/** Cancelling an unpaid order: expires its open Checkout Session through the API (if any). */
export async function expireOpenCheckoutSession(
  _db: Database,
  _input: { storeId: string; orderId: string },
  _config: StripePlatformConfig,
): Promise<{ ok: true } | { ok: false; message: string; retryable: boolean }> {
  throw new Error("expireOpenCheckoutSession: not built yet");
}
