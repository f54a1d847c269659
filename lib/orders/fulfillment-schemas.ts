import { z } from "zod";

export const TRACKING_URL_MAX_LENGTH = 2000;

/** A carrier's tracking page: http or https only (never javascript:, data: …). */
export function isTrackingUrl(value: string): boolean {
  if (value.length > TRACKING_URL_MAX_LENGTH) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

// Messages are keys of the `orders.errors` dictionary section; the action puts them in words.
const orderNumber = z.string().trim().min(1, "notFound").max(40, "notFound");

export const orderNumberSchema = z.object({ orderNumber });

export const markShippedSchema = z.object({
  orderNumber,
  trackingUrl: z
    .string()
    .trim()
    .max(TRACKING_URL_MAX_LENGTH, "trackingUrl")
    .refine((value) => value === "" || isTrackingUrl(value), "trackingUrl")
    .optional()
    .default(""),
});

export const refundOrderSchema = z.object({
  orderNumber,
  amount: z.string().trim().min(1, "refundAmount").max(30, "refundAmount"),
});
