"use server";

import { revalidatePath } from "next/cache";
import { localizedStoreAction } from "@/lib/auth/localized-store-action";
import { parsePrice } from "@/lib/catalog/price";
import { errorState } from "@/lib/forms/action-state";
import { orderCurrency, refundOrder } from "@/lib/orders/fulfillment";
import { refundOrderSchema } from "@/lib/orders/fulfillment-schemas";
import { describeOrderResult } from "./describe-result";

export const refundOrderAction = localizedStoreAction(
  refundOrderSchema,
  (t) => t.orders.errors,
  async (input, member, { t }) => {
    // The amount is typed in the order's currency, in major units ("1200" yen, "12.50" dollars).
    const currency = await orderCurrency(member.db, member.store.id, input.orderNumber);
    if (!currency) return errorState(t.orders.errors.not_found);
    const amount = parsePrice(input.amount, currency);
    if (!amount.ok)
      return errorState(t.orders.errors.refundAmount, { amount: [t.orders.errors.refundAmount] });
    const result = await refundOrder(member.db, {
      storeId: member.store.id,
      orderNumber: input.orderNumber,
      amountMinor: amount.minor,
      requestedBy: member.userId,
      role: member.role,
      now: new Date(),
    });
    revalidatePath("/dashboard/orders", "layout");
    return describeOrderResult(result, t.orders, "refundRequested");
  },
  { role: "owner" },
);
