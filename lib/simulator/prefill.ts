/** The simulator's message box, started from what the owner pasted. Pure: runs in the browser. */

export const SIMULATOR_TEXT_MAX = 4096;

const WHATSAPP_HOSTS = new Set(["wa.me", "api.whatsapp.com", "web.whatsapp.com", "whatsapp.com"]);

/**
 * A tracked link's prefilled text, from either the text itself or the WhatsApp address it
 * opens (`https://wa.me/<number>?text=…`, as /go redirects to). Anything else is kept as typed.
 */
export function prefilledTextFrom(pasted: string): string {
  const trimmed = pasted.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed.slice(0, SIMULATOR_TEXT_MAX);
  }
  const host = url.hostname.replace(/^www\./, "");
  const text = WHATSAPP_HOSTS.has(host) ? url.searchParams.get("text") : null;
  return (text ?? trimmed).slice(0, SIMULATOR_TEXT_MAX);
}

/** `?text=` of the simulator page: the first value, trimmed to what a message may hold. */
export function prefillFromQuery(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? "").slice(0, SIMULATOR_TEXT_MAX);
}
