import { generateRef, REF_ALPHABET } from "@/lib/attribution/refs";

/**
 * A QR code's public id, as it appears in /go/<store>?qr=<code>: from the ref alphabet (no
 * look-alikes, since people retype codes from printed cards), one character longer than a
 * ref so the two are never confused. Unique per store by constraint; see createQrCode.
 */
export const QR_CODE_LENGTH = 6;

export const QR_CODE_PATTERN = new RegExp(`^[${REF_ALPHABET}]{4,12}$`);

export function generateQrPublicCode(): string {
  return generateRef(QR_CODE_LENGTH);
}
