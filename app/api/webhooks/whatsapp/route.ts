import { after } from "next/server";
import { getDb } from "@/db";
import { deliverOutbox } from "@/lib/jobs/tick";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";
import { receiveWhatsAppWebhook } from "@/lib/whatsapp/receive-webhook";
import { verifyWebhookSubscription, webhookQuerySchema } from "@/lib/whatsapp/subscription";

export const dynamic = "force-dynamic";

/** Meta's set-up handshake: echo hub.challenge when the verify token matches. */
export function GET(request: Request): Response {
  const query = webhookQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const challenge = query.success
    ? verifyWebhookSubscription(query.data, whatsappPlatformConfig().verifyToken)
    : null;
  if (challenge === null) return new Response("Forbidden", { status: 403 });
  return new Response(challenge, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function POST(request: Request): Promise<Response> {
  const rawBody = new Uint8Array(await request.arrayBuffer());
  const storeSlug = new URL(request.url).searchParams.get("store");
  const db = await getDb();
  const config = whatsappPlatformConfig();
  const outcome = await receiveWhatsAppWebhook(
    db,
    { rawBody, signature: request.headers.get("x-hub-signature-256"), storeSlug },
    config,
  );
  // Replies go out after the response, never in the webhook's critical path.
  if (outcome.stored > 0) after(() => deliverOutbox(db, config));
  return Response.json(
    {
      message: outcome.message,
      stored: outcome.stored,
      duplicates: outcome.duplicates,
      failed: outcome.failed,
    },
    { status: outcome.status },
  );
}
