import { z } from "zod";
import { clientIp } from "@/lib/http/client-ip";
import { stripePlatformConfig } from "@/lib/payments/config";
import { paymentLinkOrigin } from "@/lib/payments/link-origin";
import { openPaymentLink } from "@/lib/payments/open-link";
import { payPageHtml } from "@/lib/payments/pay-page";
import { PAYMENT_TOKEN_PATTERN } from "@/lib/payments/payment-link";
import { getDb } from "@/lib/server/database";

// GET /pay/[token]: the payment link in the chat (lib/payments/open-link.ts).

const COMMON_HEADERS = {
  // Each open must reach the server: a cached redirect could lead to an expired session.
  "Cache-Control": "no-store",
  // The token is the link's only secret: no Referer carries it to Stripe or wa.me.
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};

const tokenSchema = z.string().regex(PAYMENT_TOKEN_PATTERN);

async function handle(
  request: Request,
  { params }: { params: Promise<{ token: string }> },
): Promise<Response> {
  const parsed = tokenSchema.safeParse((await params).token);
  const url = new URL(request.url);
  const outcome = parsed.success
    ? await openPaymentLink(
        await getDb(),
        {
          token: parsed.data,
          method: request.method,
          headers: request.headers,
          ip: clientIp(request),
          origin: paymentLinkOrigin() ?? url.origin,
          now: new Date(),
        },
        stripePlatformConfig(),
      )
    : ({ kind: "not_found" } as const);
  if (outcome.kind === "redirect") {
    return new Response(null, {
      status: 303,
      // Stripe's URL, or the test checkout's path: relative, so it stays on the host the
      // shopper used (request.url names the server's own host, not necessarily that one).
      headers: { ...COMMON_HEADERS, Location: outcome.location },
    });
  }
  const { status, html } = payPageHtml(outcome, request.headers.get("accept-language"));
  return new Response(request.method === "HEAD" ? null : html, {
    status,
    headers: {
      ...COMMON_HEADERS,
      "Content-Type": "text/html; charset=utf-8",
      ...(status === 503 && { "Retry-After": "30" }),
      ...(status === 429 && { "Retry-After": "60" }),
    },
  });
}

export const GET = handle;
// Link checkers ask with HEAD: they get a page, and nothing is recorded or created.
export const HEAD = handle;
