import type { ProductWriteResult } from "@/lib/catalog/manage-products";
import { type ActionState, errorState, formValues } from "@/lib/forms/action-state";

export const PRODUCT_NOT_FOUND = "This product was not found in your store.";

/** The form state for a product that could not be saved, keeping what the owner typed. */
export function failedSaveState(
  result: Exclude<ProductWriteResult, { ok: true }>,
  formData: FormData,
): ActionState {
  if (result.reason === "not_found") return errorState(PRODUCT_NOT_FOUND);
  return errorState(
    "Please correct the highlighted fields.",
    result.fieldErrors,
    formValues(formData),
  );
}
