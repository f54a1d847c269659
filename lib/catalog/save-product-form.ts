import "server-only";
import type { Database } from "@/db/drivers";
import type { FieldErrors } from "@/lib/forms/action-state";
import {
  checkUploadedImage,
  type CheckedImage,
  discardSavedImage,
  imageUploadRoot,
  isEmptyUpload,
  type SavedImage,
  saveProductImage,
} from "./image-uploads";
import { createProduct, type ProductWriteResult, updateProduct } from "./manage-products";
import { type ProductFormFields, validateProductForm } from "./product-schema";

export type ProductFormSubmission = {
  fields: ProductFormFields;
  /** The `imageFile` entry of the form: a File, or null/empty when none was chosen. */
  imageFile: FormDataEntryValue | null;
};

export type ProductFormOptions = { nodeEnv: string; uploadRoot?: string };

/**
 * Validates a submitted product form (fields and uploaded image together, so the owner sees
 * every problem at once), stores the image, and creates the product — or updates it when
 * `productId` is given. An uploaded file replaces the image URL field. If the row cannot be
 * written, the file just stored is removed again, so a failed save leaves nothing behind.
 */
export async function saveProductForm(
  db: Database,
  store: { id: string; currency: string },
  submission: ProductFormSubmission,
  options: ProductFormOptions,
  productId?: string,
): Promise<ProductWriteResult> {
  const file = submission.imageFile;
  const hasFile = !isEmptyUpload(file) && file instanceof Blob;
  // An uploaded file replaces the URL field, so a stale or bad URL next to it does not matter.
  const fields = hasFile ? { ...submission.fields, imageUrl: "" } : submission.fields;
  const validation = validateProductForm(fields, store.currency);
  const fieldErrors: FieldErrors = validation.ok ? {} : { ...validation.fieldErrors };

  let image: CheckedImage | undefined;
  if (hasFile) {
    const checked = await checkUploadedImage(file, { nodeEnv: options.nodeEnv });
    if (checked.ok) image = checked.image;
    else fieldErrors.imageFile = [checked.error];
  }

  if (!validation.ok || fieldErrors.imageFile) {
    if (image) fieldErrors.imageFile = ["Choose the image again after correcting the other fields"];
    return { ok: false, reason: "invalid", fieldErrors };
  }

  let saved: SavedImage | undefined;
  const input = { ...validation.input };
  if (image) {
    saved = await saveProductImage(store.id, image, options.uploadRoot ?? imageUploadRoot());
    input.imageUrl = saved.url;
  }
  try {
    const result = productId
      ? await updateProduct(db, store, productId, input)
      : await createProduct(db, store, input);
    if (!result.ok && saved) await discardSavedImage(saved);
    return result;
  } catch (error) {
    if (saved) await discardSavedImage(saved);
    throw error;
  }
}
