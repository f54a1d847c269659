import { getDb } from "@/lib/server/database";
import { trackedRedirect } from "@/lib/attribution/tracked-redirect";
import { clientIp } from "@/lib/http/client-ip";

// GET /go/[store]: the tracked click-to-chat redirect (see lib/attribution/tracked-redirect.ts).

const COMMON_HEADERS = {
  // Every visit must reach the server to be counted; no cache may replay a ref.
  "Cache-Control": "no-store",
  // The link may carry a cart token: wa.me must not receive it in a Referer.
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};

function page(status: number, title: string, message: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;text-align:center"><p style="color:#666">${status}</p><h1>${title}</h1><p>${message}</p><p><a href="/">Chatcart</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: { ...COMMON_HEADERS, "Content-Type": "text/html; charset=utf-8" },
  });
}

async function handle(
  request: Request,
  { params }: { params: Promise<{ store: string }> },
): Promise<Response> {
  const { store } = await params;
  const result = await trackedRedirect(await getDb(), {
    storeSlug: store,
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    ip: clientIp(request),
  });
  switch (result.kind) {
    case "not_found":
      return page(404, "Store not found", "This chat link is old or mistyped.");
    case "no_whatsapp_number":
      return page(503, "Chat not available", "This store has not set up its WhatsApp number yet.");
    case "redirect":
      return new Response(null, {
        status: 302,
        headers: { ...COMMON_HEADERS, Location: result.location },
      });
  }
}

export const GET = handle;
// Link checkers ask with HEAD: they get the same answer, and no click is recorded.
export const HEAD = handle;
