"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { errorState } from "@/lib/forms/action-state";
import { createQrCode } from "@/lib/qr/codes";
import { createQrCodeSchema } from "@/lib/qr/form-schema";

export const createQrCodeAction = inMemberLanguage(
  "qr",
  storeAction(
    createQrCodeSchema,
    async (input, member) => {
      const result = await createQrCode(member.db, member.store.id, input);
      if (!result.ok)
        return errorState("Please correct the highlighted fields.", result.fieldErrors);
      revalidatePath("/dashboard/qr");
      return { status: "success", message: `QR code “${result.qrCode.name}” created.` };
    },
    { role: "owner" },
  ),
);
