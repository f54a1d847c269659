import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { customers, messages, stores } from "@/db/schema";
import {
  resolveWebhookAppSecret,
  resolveWhatsAppChannel,
  sandboxPhoneNumberId,
  type WhatsAppPlatformConfig,
} from "./channel";
import { type AppliedDelivery, receiveAndApply } from "@/lib/processing/receive-and-apply";
import { ownTokenPhoneNumberId } from "./phone-number-binding";
import type { SandboxDelivery } from "./send-outbox";
import { signWebhookBody } from "./signature";
import {
  buildInboundMessageWebhook,
  buildStatusWebhook,
  type InboundMessageSpec,
} from "./webhook-builders";

/**
 * The sandbox (DESIGN §4.8): with no WhatsApp credentials the simulator plays Meta. Every
 * message and status it makes is a real webhook body, signed with the store's secret and
 * received by the same function the webhook route calls, so the sandbox exercises the
 * production path end to end. Only the transport to a phone is simulated.
 */

export class SandboxUnavailableError extends Error {
  override name = "SandboxUnavailableError";
}

async function signedDelivery(
  db: Database,
  storeId: string,
  storeSlug: string,
  payload: unknown,
  config: WhatsAppPlatformConfig,
): Promise<AppliedDelivery> {
  const secret = await resolveWebhookAppSecret(db, storeId, config);
  if (!secret)
    throw new Error("No webhook secret to sign simulator messages with (set WHATSAPP_APP_SECRET)");
  const rawBody = new TextEncoder().encode(JSON.stringify(payload));
  // A store with its own app secret receives its webhooks at ?store=<slug>.
  const ownSecret = secret !== config.platformAppSecret;
  // Applied before returning: the simulated shopper sees the bot's answer at once.
  return receiveAndApply(
    db,
    {
      rawBody,
      signature: signWebhookBody(rawBody, secret),
      storeSlug: ownSecret ? storeSlug : null,
    },
    config,
  );
}

async function sandboxStore(db: Database, storeId: string, config: WhatsAppPlatformConfig) {
  const [store] = await db
    .select({
      id: stores.id,
      slug: stores.slug,
      whatsappNumber: stores.whatsappNumber,
      phoneNumberId: stores.whatsappPhoneNumberId,
      binding: stores.whatsappPhoneNumberBinding,
    })
    .from(stores)
    .where(eq(stores.id, storeId));
  if (!store) throw new Error("store not found");
  return {
    ...store,
    // The same number resolveWhatsAppChannel gives the sandbox, so routing finds this store.
    phoneNumberId: ownTokenPhoneNumberId(store, config) ?? sandboxPhoneNumberId(store.id),
    displayPhoneNumber: store.whatsappNumber.replace(/\D/g, ""),
  };
}

/** The simulated shopper sends a message to the store. */
export async function simulateInboundMessage(
  db: Database,
  config: WhatsAppPlatformConfig,
  input: {
    storeId: string;
    waId: string;
    profileName: string;
    message: InboundMessageSpec;
    now?: Date;
  },
) {
  const channel = await resolveWhatsAppChannel(db, input.storeId, config);
  if (channel.mode !== "sandbox") {
    throw new SandboxUnavailableError("The simulator only talks to stores in sandbox mode");
  }
  const store = await sandboxStore(db, input.storeId, config);
  const wamid = `wamid.SIMULATOR.${randomUUID()}`;
  const payload = buildInboundMessageWebhook({
    phoneNumberId: store.phoneNumberId,
    displayPhoneNumber: store.displayPhoneNumber,
    waId: input.waId,
    profileName: input.profileName,
    wamid,
    timestamp: input.now ?? new Date(),
    message: input.message,
  });
  const outcome = await signedDelivery(db, store.id, store.slug, payload, config);
  return { wamid, outcome };
}

async function simulateStatus(
  db: Database,
  config: WhatsAppPlatformConfig,
  input: { storeId: string; wamid: string; to: string; status: "sent" | "delivered" | "read" },
) {
  const store = await sandboxStore(db, input.storeId, config);
  const payload = buildStatusWebhook({
    phoneNumberId: store.phoneNumberId,
    displayPhoneNumber: store.displayPhoneNumber,
    wamid: input.wamid,
    recipientId: input.to,
    status: input.status,
    timestamp: new Date(),
  });
  return signedDelivery(db, store.id, store.slug, payload, config);
}

/** After the outbox "sends" a sandbox message: the phone reports it sent and delivered. */
export function sandboxStatusReporter(db: Database, config: WhatsAppPlatformConfig) {
  return async (delivery: SandboxDelivery) => {
    for (const status of ["sent", "delivered"] as const) {
      await simulateStatus(db, config, {
        storeId: delivery.storeId,
        wamid: delivery.wamid,
        to: delivery.to,
        status,
      });
    }
  };
}

/** The simulated shopper has the chat open: everything delivered to them is read. */
export async function simulateReadReceipts(
  db: Database,
  config: WhatsAppPlatformConfig,
  input: { storeId: string; waId: string },
): Promise<number> {
  const unread = await db
    .select({ wamid: messages.waMessageId })
    .from(messages)
    .innerJoin(customers, eq(customers.id, messages.customerId))
    .where(
      and(
        eq(messages.storeId, input.storeId),
        eq(customers.waId, input.waId),
        eq(messages.direction, "outbound"),
        inArray(messages.status, ["sent", "delivered"]),
      ),
    );
  for (const { wamid } of unread) {
    if (wamid)
      await simulateStatus(db, config, {
        storeId: input.storeId,
        wamid,
        to: input.waId,
        status: "read",
      });
  }
  return unread.length;
}
