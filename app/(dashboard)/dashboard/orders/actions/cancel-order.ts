"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { localizedStoreAction } from "@/lib/auth/localized-store-action";
import { deliverOutbox } from "@/lib/jobs/tick";
import { cancelOrder } from "@/lib/orders/fulfillment";
import { orderNumberSchema } from "@/lib/orders/fulfillment-schemas";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";
import { describeOrderResult } from "./describe-result";

export const cancelOrderAction = localizedStoreAction(
  orderNumberSchema,
  (t) => t.orders.errors,
  async (input, member, { t }) => {
    const result = await cancelOrder(member.db, {
      storeId: member.store.id,
      orderNumber: input.orderNumber,
      now: new Date(),
    });
    revalidatePath("/dashboard/orders", "layout");
    if (result.ok) after(() => deliverOutbox(member.db, whatsappPlatformConfig()));
    return describeOrderResult(result, t.orders, "cancelled");
  },
);
