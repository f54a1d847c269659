"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { productFormFields } from "@/lib/catalog/product-schema";
import { saveProductForm } from "@/lib/catalog/save-product-form";
import { env } from "@/lib/env";
import type { ActionState } from "@/lib/forms/action-state";
import { failedSaveState } from "./product-form-state";

async function createProduct(previous: ActionState, formData: FormData): Promise<ActionState> {
  const imageFile = formData.get("imageFile");
  const create = storeAction(
    productFormFields,
    async (fields, member) => {
      const result = await saveProductForm(
        member.db,
        member.store,
        { fields, imageFile },
        { nodeEnv: env().NODE_ENV },
      );
      if (!result.ok) return failedSaveState(result, formData);
      revalidatePath("/dashboard/products", "layout");
      revalidatePath(`/s/${member.store.slug}`, "layout");
      redirect(`/dashboard/products/${result.product.id}?created=1`);
    },
    { role: "owner" },
  );
  return create(previous, formData);
}

/** Creates a product; its messages read in the member's language. */
export const createProductAction = inMemberLanguage("product", createProduct);
