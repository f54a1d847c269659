"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { errorState } from "@/lib/forms/action-state";
import { updateQrCode } from "@/lib/qr/codes";
import { updateQrCodeSchema } from "@/lib/qr/form-schema";

export const updateQrCodeAction = inMemberLanguage(
  "qr",
  storeAction(
    updateQrCodeSchema,
    async ({ id, ...fields }, member) => {
      const result = await updateQrCode(member.db, member.store.id, id, fields);
      if (!result.ok) {
        return "notFound" in result
          ? errorState("This QR code does not exist in your store.")
          : errorState("Please correct the highlighted fields.", result.fieldErrors);
      }
      revalidatePath("/dashboard/qr", "layout");
      return { status: "success", message: "QR code saved." };
    },
    { role: "owner" },
  ),
);
