import { getDb } from "@/lib/server/database";
import { type GoPageInput, goPageHtml } from "@/lib/attribution/go-page";
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

function page(request: Request, input: Omit<GoPageInput, "url" | "headers">): Response {
  const { status, html } = goPageHtml({
    ...input,
    url: new URL(request.url),
    headers: request.headers,
  });
  return new Response(request.method === "HEAD" ? null : html, {
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
      return page(request, { reason: "store_not_found" });
    case "no_whatsapp_number":
      return page(request, { reason: "no_whatsapp_number", store: result.store });
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
