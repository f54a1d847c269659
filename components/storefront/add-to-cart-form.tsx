import { ShoppingBag } from "lucide-react";
import { Button } from "@/components/ui/button";
import { MAX_QUANTITY, MIN_QUANTITY } from "@/lib/cart/limits";
import type { ShopperLanguage } from "@/lib/i18n/languages";

/**
 * Quantity and "Add to cart" as a plain form posting to a server action: it works
 * without JavaScript, and the server decides the price.
 */
export function AddToCartForm({
  action,
  store,
  product,
  lang,
  labels,
}: {
  action: (formData: FormData) => Promise<void>;
  store: string;
  product: string;
  /** The language picked in the URL, carried to the next page. */
  lang?: ShopperLanguage;
  labels: { quantity: string; addToCart: string };
}) {
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="add-to-cart">
      <input type="hidden" name="store" value={store} />
      <input type="hidden" name="product" value={product} />
      {lang ? <input type="hidden" name="lang" value={lang} /> : null}
      <label className="grid gap-1 text-sm font-medium">
        {labels.quantity}
        <input
          type="number"
          name="quantity"
          defaultValue={1}
          min={MIN_QUANTITY}
          max={MAX_QUANTITY}
          step={1}
          required
          inputMode="numeric"
          className="h-10 w-20 rounded-md border border-input bg-transparent px-3 text-base tabular-nums shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50"
        />
      </label>
      <Button type="submit" size="lg">
        <ShoppingBag aria-hidden />
        {labels.addToCart}
      </Button>
    </form>
  );
}
