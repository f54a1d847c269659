"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { errorState } from "@/lib/forms/action-state";
import { setQrCodeArchived } from "@/lib/qr/codes";
import { qrCodeIdSchema } from "@/lib/qr/form-schema";

export const archiveQrCodeAction = inMemberLanguage(
  "qr",
  storeAction(
    qrCodeIdSchema,
    async ({ id }, member) => {
      if (!(await setQrCodeArchived(member.db, member.store.id, id, true))) {
        return errorState("This QR code does not exist in your store.");
      }
      revalidatePath("/dashboard/qr", "layout");
      return { status: "success", message: "QR code archived." };
    },
    { role: "owner" },
  ),
);
