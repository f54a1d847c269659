"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { productFormFields } from "@/lib/catalog/product-schema";
import { saveProductForm } from "@/lib/catalog/save-product-form";
import { env } from "@/lib/env";
import type { ActionState } from "@/lib/forms/action-state";
import { failedSaveState } from "./product-form-state";

const updateProductFields = productFormFields.extend({ productId: z.string().default("") });

async function updateProduct(previous: ActionState, formData: FormData): Promise<ActionState> {
  const imageFile = formData.get("imageFile");
  const update = storeAction(
    updateProductFields,
    async ({ productId, ...fields }, member) => {
      const result = await saveProductForm(
        member.db,
        member.store,
        { fields, imageFile },
        { nodeEnv: env().NODE_ENV },
        productId,
      );
      if (!result.ok) return failedSaveState(result, formData);
      revalidatePath("/dashboard/products", "layout");
      revalidatePath(`/s/${member.store.slug}`, "layout");
      return { status: "success", message: "Product saved." };
    },
    { role: "owner" },
  );
  return update(previous, formData);
}

/** Saves a product; its messages read in the member's language. */
export const updateProductAction = inMemberLanguage("product", updateProduct);
