import "server-only";

import { parseGraphError } from "@/lib/whatsapp/graph-errors";

export type PhoneNumberLookup =
  | { ok: true; displayPhoneNumber: string; verifiedName: string | null }
  | { ok: false; reason: string };

const LOOKUP_TIMEOUT_MS = 10_000;

/**
 * Asks the Graph API whether `accessToken` can use `phoneNumberId`
 * (`GET /{phone-number-id}?fields=display_phone_number,verified_name`). Never throws: a refusal
 * carries Meta's reason in words, a network problem says so.
 */
export async function lookUpPhoneNumber(options: {
  graphApiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  fetchImpl?: typeof fetch;
}): Promise<PhoneNumberLookup> {
  const url = new URL(
    `${options.graphApiUrl.replace(/\/$/, "")}/${encodeURIComponent(options.phoneNumberId)}`,
  );
  url.searchParams.set("fields", "display_phone_number,verified_name");
  let response: Response;
  let payload: unknown;
  try {
    response = await (options.fetchImpl ?? fetch)(url, {
      headers: { Authorization: `Bearer ${options.accessToken}` },
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
    payload = await response.json().catch(() => null);
  } catch {
    return {
      ok: false,
      reason:
        "Couldn't reach Meta to check the phone-number id, so nothing was saved. Try again in a moment.",
    };
  }
  const body = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  if (response.ok && typeof body.display_phone_number === "string") {
    return {
      ok: true,
      displayPhoneNumber: body.display_phone_number,
      verifiedName: typeof body.verified_name === "string" ? body.verified_name : null,
    };
  }
  const error = parseGraphError(payload);
  const said = error?.message ? `: ${error.message}` : ` (HTTP ${response.status})`;
  if (error?.code === 190) {
    return { ok: false, reason: `Meta refused this access token${said}` };
  }
  return {
    ok: false,
    reason: `Meta says this access token cannot use phone-number id ${options.phoneNumberId}${said}`,
  };
}
