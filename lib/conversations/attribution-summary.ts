import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { clicks, conversations, products, qrCodes } from "@/db/schema";

export type AttributionSummary = {
  source: string;
  ref: string | null;
  productName: string | null;
  qrCodeName: string | null;
  adHeadline: string | null;
};

/** What started a conversation, in the terms an owner knows (product, QR code, ref). */
export async function conversationAttribution(
  db: Database,
  storeId: string,
  conversationId: string,
): Promise<AttributionSummary | null> {
  const [row] = await db
    .select({
      source: conversations.source,
      ref: clicks.ref,
      productName: products.name,
      qrCodeName: qrCodes.name,
      adReferral: conversations.adReferral,
    })
    .from(conversations)
    .leftJoin(clicks, and(eq(clicks.id, conversations.clickId), eq(clicks.storeId, storeId)))
    .leftJoin(
      products,
      and(eq(products.id, conversations.productId), eq(products.storeId, storeId)),
    )
    .leftJoin(qrCodes, and(eq(qrCodes.id, conversations.qrCodeId), eq(qrCodes.storeId, storeId)))
    .where(and(eq(conversations.storeId, storeId), eq(conversations.id, conversationId)));
  if (!row) return null;
  const headline = row.adReferral?.headline;
  return {
    source: row.source,
    ref: row.ref,
    productName: row.productName,
    qrCodeName: row.qrCodeName,
    adHeadline: typeof headline === "string" ? headline : null,
  };
}
