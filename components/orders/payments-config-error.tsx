import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";

/**
 * Production without a Stripe key (DESIGN §4.8), or Stripe's last refusal of the store's key
 * (`detail`): said in words, with the way to fix it.
 */
export function PaymentsConfigError({
  t,
  detail,
}: {
  t: DashboardMessages["orders"]["configError"];
  detail?: string;
}) {
  return (
    <div
      role="alert"
      data-testid="payments-config-error"
      className="grid gap-2 rounded-lg border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm"
    >
      <p className="flex items-center gap-2 font-medium">
        <TriangleAlert className="size-4 shrink-0" aria-hidden />
        {t.title}
      </p>
      <p>{detail ?? t.body}</p>
      <Link
        href="/dashboard/settings#stripe-form"
        className="font-medium underline underline-offset-4"
      >
        {t.link}
      </Link>
    </div>
  );
}
