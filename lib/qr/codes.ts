import "server-only";
import { and, count, desc, eq, isNotNull, max, sql } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { clicks, products, qrCodes, type QrCode } from "@/db/schema";
import type { QrCodeFields } from "./form-schema";
import { generateQrPublicCode } from "./public-code";

/** A QR code as the dashboard lists it: its target and how often it was scanned. */
export type QrCodeSummary = {
  id: string;
  code: string;
  name: string;
  productId: string | null;
  productName: string | null;
  productSlug: string | null;
  productActive: boolean | null;
  prefilledMessage: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  scans: number;
  lastScanAt: Date | null;
};

export type QrCodeWriteResult =
  { ok: true; qrCode: QrCode } | { ok: false; fieldErrors: Record<string, string[]> };

const PRODUCT_NOT_AVAILABLE = { productId: ["Choose one of the store's active products"] };
const CODE_ATTEMPTS = 5;

function summaries(db: Database, storeId: string) {
  // Scans are clicks carrying the code's id, counted in SQL for this store only.
  const scans = db
    .select({
      qrCodeId: clicks.qrCodeId,
      scans: count().as("scans"),
      lastScanAt: max(clicks.createdAt).as("last_scan_at"),
    })
    .from(clicks)
    .where(and(eq(clicks.storeId, storeId), isNotNull(clicks.qrCodeId)))
    .groupBy(clicks.qrCodeId)
    .as("scans");
  return db
    .select({
      id: qrCodes.id,
      code: qrCodes.code,
      name: qrCodes.name,
      productId: qrCodes.productId,
      productName: products.name,
      productSlug: products.slug,
      productActive: products.active,
      prefilledMessage: qrCodes.prefilledMessage,
      archivedAt: qrCodes.archivedAt,
      createdAt: qrCodes.createdAt,
      scans: scans.scans,
      lastScanAt: scans.lastScanAt,
    })
    .from(qrCodes)
    .leftJoin(products, and(eq(products.id, qrCodes.productId), eq(products.storeId, storeId)))
    .leftJoin(scans, eq(scans.qrCodeId, qrCodes.id));
}

type SummaryRow = Awaited<ReturnType<typeof summaries>>[number];

function toSummary(row: SummaryRow): QrCodeSummary {
  const lastScanAt = row.lastScanAt === null ? null : new Date(row.lastScanAt);
  return { ...row, scans: Number(row.scans ?? 0), lastScanAt };
}

/** The store's QR codes, live ones first, newest first, with scan counts and last scan. */
export async function listQrCodes(db: Database, storeId: string): Promise<QrCodeSummary[]> {
  const rows = await summaries(db, storeId)
    .where(eq(qrCodes.storeId, storeId))
    .orderBy(sql`${qrCodes.archivedAt} is not null`, desc(qrCodes.createdAt), desc(qrCodes.id));
  return rows.map(toSummary);
}

/** One of the store's QR codes by its row id (another store's id finds nothing). */
export async function getQrCode(
  db: Database,
  storeId: string,
  id: string,
): Promise<QrCodeSummary | undefined> {
  const [row] = await summaries(db, storeId).where(
    and(eq(qrCodes.storeId, storeId), eq(qrCodes.id, id)),
  );
  return row ? toSummary(row) : undefined;
}

/** A QR code by its public code, archived or not: what /go and the image route resolve. */
export async function findQrCodeByCode(
  db: Database,
  storeId: string,
  code: string,
): Promise<QrCode | undefined> {
  const [row] = await db
    .select()
    .from(qrCodes)
    .where(and(eq(qrCodes.storeId, storeId), eq(qrCodes.code, code.toUpperCase())));
  return row;
}

async function isActiveProductOfStore(db: Database, storeId: string, productId: string) {
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(
      and(eq(products.id, productId), eq(products.storeId, storeId), eq(products.active, true)),
    );
  return Boolean(row);
}

/**
 * Creates a named QR code with a fresh public code. Codes are random; a collision with an
 * existing code of the store loses to the unique constraint and is retried with a new one.
 */
export async function createQrCode(
  db: Database,
  storeId: string,
  fields: QrCodeFields,
  generateCode: () => string = generateQrPublicCode,
): Promise<QrCodeWriteResult> {
  if (fields.productId && !(await isActiveProductOfStore(db, storeId, fields.productId))) {
    return { ok: false, fieldErrors: PRODUCT_NOT_AVAILABLE };
  }
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const [qrCode] = await db
      .insert(qrCodes)
      .values({ storeId, code: generateCode(), ...fields })
      .onConflictDoNothing({ target: [qrCodes.storeId, qrCodes.code] })
      .returning();
    if (qrCode) return { ok: true, qrCode };
  }
  throw new Error(`No free QR code id after ${CODE_ATTEMPTS} attempts`);
}

/**
 * Changes a code's name, target and message; its public code (already printed) stays.
 * The product must be an active one of the store, or the one the code already points to.
 */
export async function updateQrCode(
  db: Database,
  storeId: string,
  id: string,
  fields: QrCodeFields,
): Promise<QrCodeWriteResult | { ok: false; notFound: true }> {
  const [current] = await db
    .select({ productId: qrCodes.productId })
    .from(qrCodes)
    .where(and(eq(qrCodes.storeId, storeId), eq(qrCodes.id, id)));
  if (!current) return { ok: false, notFound: true };
  const keepsProduct = fields.productId === current.productId;
  if (
    fields.productId &&
    !keepsProduct &&
    !(await isActiveProductOfStore(db, storeId, fields.productId))
  ) {
    return { ok: false, fieldErrors: PRODUCT_NOT_AVAILABLE };
  }
  const [qrCode] = await db
    .update(qrCodes)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(qrCodes.storeId, storeId), eq(qrCodes.id, id)))
    .returning();
  return qrCode ? { ok: true, qrCode } : { ok: false, notFound: true };
}

/** Archives (its image and card stop working) or restores a code; false when the store has no such code. */
export async function setQrCodeArchived(
  db: Database,
  storeId: string,
  id: string,
  archived: boolean,
): Promise<boolean> {
  const now = new Date();
  const rows = await db
    .update(qrCodes)
    .set({
      archivedAt: archived
        ? sql`coalesce(${qrCodes.archivedAt}, ${now.toISOString()}::timestamptz)`
        : null,
      updatedAt: now,
    })
    .where(and(eq(qrCodes.storeId, storeId), eq(qrCodes.id, id)))
    .returning({ id: qrCodes.id });
  return rows.length > 0;
}
