"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { setProductActive } from "@/lib/catalog/manage-products";
import { errorState } from "@/lib/forms/action-state";
import { PRODUCT_NOT_FOUND } from "./product-form-state";

const setProductActiveSchema = z.object({
  productId: z.string().min(1, "Choose a product"),
  active: z.enum(["true", "false"], { message: "Choose archive or restore" }),
});

/** Archive (active=false) or restore one of the store's products from the list or edit page. */
export const setProductActiveAction = inMemberLanguage(
  "product",
  storeAction(
    setProductActiveSchema,
    async ({ productId, active }, member) => {
      const product = await setProductActive(
        member.db,
        member.store.id,
        productId,
        active === "true",
      );
      if (!product) return errorState(PRODUCT_NOT_FOUND);
      revalidatePath("/dashboard/products", "layout");
      revalidatePath(`/s/${member.store.slug}`, "layout");
      return {
        status: "success",
        message: product.active ? `Restored “${product.name}”.` : `Archived “${product.name}”.`,
      };
    },
    { role: "owner" },
  ),
);
