/**
 * Rules for product images that both the browser (early checks in the form) and the
 * server (the real checks) use. No Node or Next imports here.
 */

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_IMAGE_LABEL = "2 MB";

/** Raster formats only: an SVG served from our own origin can run script (stored XSS). */
export const IMAGE_TYPES = {
  jpeg: { extension: "jpg", mime: "image/jpeg" },
  png: { extension: "png", mime: "image/png" },
  webp: { extension: "webp", mime: "image/webp" },
  gif: { extension: "gif", mime: "image/gif" },
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

/** The `accept` attribute of the file input. */
export const IMAGE_ACCEPT = Object.values(IMAGE_TYPES)
  .map((type) => type.mime)
  .join(",");

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The image format from the file's first bytes (its magic number), whatever it is named. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}

/** Whether an upload looks like SVG, to explain the refusal instead of "not an image". */
export function looksLikeSvg(name: string, declaredType: string, bytes: Uint8Array): boolean {
  if (declaredType === "image/svg+xml" || /\.svgz?$/i.test(name)) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"));
}

// Local images the app serves from public/: the seeded catalog and development uploads.
const LOCAL_IMAGE_PATH =
  /^\/(?:products|uploads)\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** True for "/products/…" and "/uploads/…" paths, which next/image can optimise without config. */
export function isLocalImagePath(url: string): boolean {
  return LOCAL_IMAGE_PATH.test(url);
}

export const MAX_IMAGE_URL_LENGTH = 2048;

/**
 * Checks an image address typed by the owner: an https URL (no credentials in it), or a
 * path under /products/ or /uploads/. Returns the cleaned value or an error message.
 */
export function checkImageUrl(
  input: string,
): { ok: true; url: string } | { ok: false; error: string } {
  const value = input.trim();
  if (value.length > MAX_IMAGE_URL_LENGTH) {
    return { ok: false, error: "This address is too long (2,048 characters at most)" };
  }
  if (value.startsWith("/")) {
    return isLocalImagePath(value)
      ? { ok: true, url: value }
      : { ok: false, error: "A local image must be a path under /products/ or /uploads/" };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, error: "Enter a full address starting with https://" };
  }
  if (url.protocol !== "https:") {
    return { ok: false, error: "Use an https:// address, so the image loads on secure pages" };
  }
  if (url.username || url.password) {
    return { ok: false, error: "Remove the user name and password from the address" };
  }
  return { ok: true, url: url.toString() };
}
