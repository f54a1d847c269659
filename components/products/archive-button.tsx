"use client";

import { Archive, ArchiveRestore } from "lucide-react";
import { useActionState } from "react";
import { setProductActiveAction } from "@/app/(dashboard)/dashboard/products/actions/set-product-active";
import { Button } from "@/components/ui/button";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";

/** English until the product pages speak the member's language everywhere. */
const ENGLISH_LABELS = {
  archive: "Archive",
  restore: "Restore",
  archiveProduct: "Archive {product}",
  restoreProduct: "Restore {product}",
};

/** Archives an active product or restores an archived one; the row is never deleted. */
export function ArchiveButton({
  productId,
  productName,
  active,
  size = "sm",
  labels = ENGLISH_LABELS,
}: {
  productId: string;
  productName: string;
  active: boolean;
  size?: "sm" | "default";
  labels?: typeof ENGLISH_LABELS;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    setProductActiveAction,
    idleState,
  );
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button
        type="submit"
        variant="outline"
        size={size}
        disabled={pending}
        aria-label={formatMessage(active ? labels.archiveProduct : labels.restoreProduct, {
          product: productName,
        })}
      >
        {active ? <Archive aria-hidden /> : <ArchiveRestore aria-hidden />}
        {/* On a phone the icon alone (the aria-label names it), so the row fits. */}
        <span className="sr-only sm:not-sr-only">{active ? labels.archive : labels.restore}</span>
      </Button>
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-destructive">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
