import { after } from "next/server";
import { readLimitedBody } from "@/lib/http/limited-body";
import { stripePlatformConfig } from "@/lib/payments/config";
import {
  MAX_STRIPE_WEBHOOK_BYTES,
  receiveStripeWebhook,
  stripeWebhookQuerySchema,
} from "@/lib/payments/receive-stripe-webhook";
import { applyAndReply } from "@/lib/processing/after-delivery";
import { getDb } from "@/lib/server/database";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const query = stripeWebhookQuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!query.success) {
    return Response.json(
      { message: query.error.issues.map((issue) => issue.message).join("; ") },
      { status: 400 },
    );
  }
  const body = await readLimitedBody(request, MAX_STRIPE_WEBHOOK_BYTES);
  if (!body.ok) {
    return Response.json(
      { message: `Body larger than ${MAX_STRIPE_WEBHOOK_BYTES} bytes` },
      { status: 413 },
    );
  }
  const db = await getDb();
  const outcome = await receiveStripeWebhook(
    db,
    {
      // The signature is over the exact bytes Stripe sent.
      rawBody: new TextDecoder().decode(body.bytes),
      signature: request.headers.get("stripe-signature"),
      storeSlug: query.data.store ?? null,
    },
    stripePlatformConfig(),
  );
  // Applying (and the confirmation it queues) happens after the response; tick applies
  // whatever this instance does not get to.
  if (outcome.stored > 0) after(() => applyAndReply(db, whatsappPlatformConfig(), outcome.lanes));
  return Response.json(
    { message: outcome.message, stored: outcome.stored, duplicates: outcome.duplicates },
    { status: outcome.status },
  );
}
