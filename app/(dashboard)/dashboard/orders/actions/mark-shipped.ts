"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { localizedStoreAction } from "@/lib/auth/localized-store-action";
import { deliverOutbox } from "@/lib/jobs/tick";
import { markShipped } from "@/lib/orders/fulfillment";
import { markShippedSchema } from "@/lib/orders/fulfillment-schemas";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";
import { describeOrderResult } from "./describe-result";

export const markShippedAction = localizedStoreAction(
  markShippedSchema,
  (t) => t.orders.errors,
  async (input, member, { t }) => {
    const result = await markShipped(member.db, {
      storeId: member.store.id,
      orderNumber: input.orderNumber,
      trackingUrl: input.trackingUrl,
      now: new Date(),
    });
    revalidatePath("/dashboard/orders", "layout");
    if (result.ok) after(() => deliverOutbox(member.db, whatsappPlatformConfig()));
    return describeOrderResult(result, t.orders, "shipped");
  },
);
