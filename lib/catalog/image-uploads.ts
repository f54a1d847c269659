import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  detectImageType,
  IMAGE_TYPES,
  type ImageType,
  looksLikeSvg,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_LABEL,
} from "./images";

/**
 * Uploaded product images are files under public/uploads/<storeId>/, which `next dev` serves
 * at /uploads/…. That only works in development: on Vercel the filesystem is read-only, and
 * `next start` serves only the public/ files that existed when it started. So production
 * refuses uploads and asks for an image URL instead.
 */
export const UPLOADS_UNAVAILABLE =
  "Image uploads work only in development: this server cannot store files (on Vercel the disk is read-only). Paste an https:// image address instead.";

const DEFAULT_UPLOAD_ROOT = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "uploads");
const PUBLIC_PREFIX = "/uploads";

let uploadRootOverride: string | undefined;

/** Points uploads at another folder (tests use a temporary one); undefined restores public/uploads. */
export function setImageUploadRoot(root: string | undefined): void {
  uploadRootOverride = root;
}

export function imageUploadRoot(): string {
  return uploadRootOverride ?? DEFAULT_UPLOAD_ROOT;
}

/** A file input left empty still submits a nameless, empty File. */
export function isEmptyUpload(value: FormDataEntryValue | null): boolean {
  return !(value instanceof Blob) || value.size === 0;
}

export type CheckedImage = { bytes: Uint8Array; type: ImageType };
export type ImageCheckResult = { ok: true; image: CheckedImage } | { ok: false; error: string };

/** Validates an uploaded file by its size and its first bytes, never by its name or declared type. */
export async function checkUploadedImage(
  file: Blob,
  options: { nodeEnv: string },
): Promise<ImageCheckResult> {
  if (options.nodeEnv === "production") return { ok: false, error: UPLOADS_UNAVAILABLE };
  if (file.size > MAX_IMAGE_BYTES) {
    return { ok: false, error: `This image is larger than ${MAX_IMAGE_LABEL}; use a smaller one` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectImageType(bytes);
  if (type) return { ok: true, image: { bytes, type } };
  const name = file instanceof File ? file.name : "";
  if (looksLikeSvg(name, file.type, bytes)) {
    return {
      ok: false,
      error:
        "SVG files can't be uploaded because they can carry scripts. Use a PNG, JPEG, WebP or GIF, or an https:// address.",
    };
  }
  return { ok: false, error: "This file is not a PNG, JPEG, WebP or GIF image" };
}

export type SavedImage = { url: string; filePath: string };

/** Writes a checked image to <root>/<storeId>/<random>.<ext> and returns its public URL. */
export async function saveProductImage(
  storeId: string,
  image: CheckedImage,
  root: string = imageUploadRoot(),
): Promise<SavedImage> {
  if (!/^[0-9a-f-]{36}$/i.test(storeId)) throw new Error("saveProductImage: invalid store id");
  const fileName = `${randomBytes(16).toString("hex")}.${IMAGE_TYPES[image.type].extension}`;
  const folder = path.join(/*turbopackIgnore: true*/ root, storeId);
  await mkdir(folder, { recursive: true });
  const filePath = path.join(/*turbopackIgnore: true*/ folder, fileName);
  // "wx": never overwrite, even in the astronomically unlikely case of a name collision.
  await writeFile(filePath, image.bytes, { flag: "wx" });
  return { url: `${PUBLIC_PREFIX}/${storeId}/${fileName}`, filePath };
}

/** Removes a file written by saveProductImage whose product row was then not saved. */
export async function discardSavedImage(saved: SavedImage): Promise<void> {
  await unlink(saved.filePath).catch(() => undefined);
}
