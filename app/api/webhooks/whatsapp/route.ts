import { after } from "next/server";
import { getDb } from "@/lib/server/database";
import { readLimitedBody } from "@/lib/http/limited-body";
import { applyAndReply } from "@/lib/processing/after-delivery";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";
import { MAX_WEBHOOK_BODY_BYTES, receiveWhatsAppWebhook } from "@/lib/whatsapp/receive-webhook";
import {
  expectedVerifyToken,
  verifyWebhookSubscription,
  webhookQuerySchema,
} from "@/lib/whatsapp/subscription";

export const dynamic = "force-dynamic";

/** Meta's set-up handshake: echo hub.challenge when the verify token for this URL matches. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const query = webhookQuerySchema.safeParse(Object.fromEntries(params));
  if (!query.success) return new Response("Forbidden", { status: 403 });
  const config = whatsappPlatformConfig();
  const verifyToken = await expectedVerifyToken(await getDb(), params.get("store"), config);
  const challenge = verifyWebhookSubscription(query.data, verifyToken);
  if (challenge === null) return new Response("Forbidden", { status: 403 });
  return new Response(challenge, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function POST(request: Request): Promise<Response> {
  const body = await readLimitedBody(request, MAX_WEBHOOK_BODY_BYTES);
  if (!body.ok) {
    return Response.json(
      { message: `Body larger than ${MAX_WEBHOOK_BODY_BYTES} bytes` },
      { status: 413 },
    );
  }
  const storeSlug = new URL(request.url).searchParams.get("store");
  const db = await getDb();
  const config = whatsappPlatformConfig();
  const outcome = await receiveWhatsAppWebhook(
    db,
    { rawBody: body.bytes, signature: request.headers.get("x-hub-signature-256"), storeSlug },
    config,
  );
  // Applying and replying happen after the response, never in the webhook's critical path;
  // what this instance does not get to, tick applies.
  if (outcome.stored > 0) after(() => applyAndReply(db, config, outcome.lanes));
  return Response.json(
    {
      message: outcome.message,
      stored: outcome.stored,
      duplicates: outcome.duplicates,
      failed: outcome.failed,
      ignored: outcome.ignored,
    },
    { status: outcome.status },
  );
}
