import { z } from "zod";
import { QR_MESSAGE_MAX, QR_NAME_MAX } from "./limits";

const optionalText = <Schema extends z.ZodType<string>>(schema: Schema) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );

/** The fields an owner fills in for a QR code (create and edit). */
export const qrCodeFieldsSchema = z.object({
  name: z
    .string({ error: "Give the code a name" })
    .trim()
    .min(1, "Give the code a name, e.g. “Shop card — Gion store”")
    .max(QR_NAME_MAX, `Keep the name under ${QR_NAME_MAX} characters`),
  /** Empty: the code opens a chat with the store. */
  productId: optionalText(z.uuid("Choose one of the store's products")).transform(
    (value) => value ?? null,
  ),
  prefilledMessage: optionalText(
    z
      .string()
      .trim()
      .max(
        QR_MESSAGE_MAX,
        `Keep the message to ${QR_MESSAGE_MAX} characters (the chat reference is added after it)`,
      ),
  ).transform((value) => value ?? null),
});
export type QrCodeFields = z.output<typeof qrCodeFieldsSchema>;

const qrCodeId = z.uuid("Unknown QR code");

export const createQrCodeSchema = qrCodeFieldsSchema;
export const updateQrCodeSchema = qrCodeFieldsSchema.extend({ id: qrCodeId });
export const qrCodeIdSchema = z.object({ id: qrCodeId });
