import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { conversations, customers } from "@/db/schema";
import { queueOutgoingMessage } from "@/lib/whatsapp/queue-message";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createChatStore } from "./fixtures";

const getDb = setupTestDatabase();
const HOUR = 3_600_000;

describe(`queueOutgoingMessage says why it refused, as a code [${testDbBackend}]`, () => {
  it("gives the send policy's code beside its explanation, so callers can record it in words", async () => {
    const db = getDb();
    const shop = await createChatStore(db);
    const now = new Date();
    const cases = [
      {
        customer: { optedInAt: new Date(now.getTime() - HOUR), optedOutAt: now },
        purpose: "business_initiated",
        code: "opted_out",
      },
      { customer: {}, purpose: "business_initiated", code: "no_consent" },
      {
        customer: { lastInboundAt: new Date(now.getTime() - 25 * HOUR) },
        purpose: "reply",
        code: "outside_window",
      },
    ] as const;
    for (const { customer: consent, purpose, code } of cases) {
      const waId = `8190${randomUUID().replaceAll(/\D/g, "").slice(0, 8)}`;
      const [customer] = await db
        .insert(customers)
        .values({ storeId: shop.store.id, waId, phone: `+${waId}`, lastInboundAt: now, ...consent })
        .returning();
      const [conversation] = await db
        .insert(conversations)
        .values({ storeId: shop.store.id, customerId: customer!.id, language: "en" })
        .returning();
      const result = await queueOutgoingMessage(db, {
        storeId: shop.store.id,
        conversationId: conversation!.id,
        customer: customer!,
        content: { type: "text", text: "Your cart is waiting" },
        author: "system",
        purpose,
        dedupeKey: `test:${randomUUID()}`,
        now,
      });
      expect(result).toMatchObject({ queued: false, blockedBy: code });
      expect(result.queued === false && result.reason.length).toBeGreaterThan(10);
    }
  });
});
