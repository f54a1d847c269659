import { and, eq, like } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, messages, webhookEvents } from "@/db/schema";
import { processWebhookEvents } from "@/lib/processing/processor";
import { receiveWhatsAppWebhook } from "@/lib/whatsapp/receive-webhook";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { buildInboundMessageWebhook } from "@/lib/whatsapp/webhook-builders";
import { type ChatStoreFixture, TEST_APP_SECRET, testPlatformConfig } from "../whatsapp/fixtures";

/** The webhook's request half only: verify and store, nothing applied. */
export function receiveOnly(db: Database, body: unknown, now?: Date) {
  const bytes = new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body));
  return receiveWhatsAppWebhook(
    db,
    { rawBody: bytes, signature: signWebhookBody(bytes, TEST_APP_SECRET), storeSlug: null, now },
    testPlatformConfig(),
  );
}

/** One customer's text message, as Meta's payload (one change, one message). */
export function textPayload(
  shop: Pick<ChatStoreFixture, "phoneNumberId">,
  input: { waId: string; wamid: string; text: string; at?: Date },
) {
  return buildInboundMessageWebhook({
    phoneNumberId: shop.phoneNumberId,
    displayPhoneNumber: "15550001234",
    waId: input.waId,
    profileName: "Shopper",
    wamid: input.wamid,
    timestamp: input.at ?? new Date(),
    message: { type: "text", text: input.text },
  });
}

/** Several payloads' messages and contacts in one change, as Meta batches them. */
export function batched(payloads: ReturnType<typeof textPayload>[]) {
  const [first] = payloads;
  if (!first) throw new Error("nothing to batch");
  const value = first.entry[0]!.changes[0]!.value;
  return {
    ...first,
    entry: [
      {
        ...first.entry[0]!,
        changes: [
          {
            field: "messages",
            value: {
              ...value,
              contacts: payloads.flatMap((p) => p.entry[0]!.changes[0]!.value.contacts ?? []),
              messages: payloads.flatMap((p) => p.entry[0]!.changes[0]!.value.messages ?? []),
            },
          },
        ],
      },
    ],
  };
}

export async function inboundTexts(db: Database, storeId: string, waId: string) {
  const rows = await db
    .select({ waMessageId: messages.waMessageId, body: messages.body })
    .from(messages)
    .innerJoin(customers, eq(customers.id, messages.customerId))
    .where(
      and(
        eq(messages.storeId, storeId),
        eq(customers.waId, waId),
        eq(messages.direction, "inbound"),
      ),
    );
  return rows;
}

export async function eventsLike(db: Database, externalIdPrefix: string) {
  return db
    .select()
    .from(webhookEvents)
    .where(like(webhookEvents.externalId, `${externalIdPrefix}%`));
}

let waCounter = 0;
/** A fresh shopper number per call, unique across test files running at once. */
export function freshWaId(): string {
  waCounter += 1;
  return `4479${String(process.pid % 1000).padStart(3, "0")}${String(waCounter).padStart(5, "0")}`;
}

/** Verifies and stores a body (optionally on a store's own ?store= URL), then applies its lanes. */
export async function deliverAndApply(
  db: Database,
  body: unknown,
  options: { storeSlug?: string; now?: Date } = {},
) {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const config = testPlatformConfig();
  const outcome = await receiveWhatsAppWebhook(
    db,
    {
      rawBody: bytes,
      signature: signWebhookBody(bytes, TEST_APP_SECRET),
      storeSlug: options.storeSlug ?? null,
      now: options.now,
    },
    config,
  );
  const applied = await processWebhookEvents(db, {
    config,
    lanes: outcome.lanes,
    ...(options.now && { now: () => options.now! }),
  });
  return { outcome, applied };
}

/** A change of `field` to the test store's number, as Meta wraps every webhook. */
export function change(
  shop: Pick<ChatStoreFixture, "phoneNumberId">,
  field: string,
  value: Record<string, unknown>,
) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field,
            value: {
              messaging_product: "whatsapp",
              metadata: {
                display_phone_number: "15550001234",
                phone_number_id: shop.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** One customer message of `type` with its type's object, as Meta sends it. */
export function customerMessage(
  shop: Pick<ChatStoreFixture, "phoneNumberId">,
  waId: string,
  wamid: string,
  type: string,
  fields: Record<string, unknown>,
  at: Date = new Date(),
) {
  return change(shop, "messages", {
    contacts: [{ profile: { name: "Shopper" }, wa_id: waId }],
    messages: [
      {
        from: waId,
        id: wamid,
        timestamp: String(Math.floor(at.getTime() / 1000)),
        type,
        ...fields,
      },
    ],
  });
}
