import { MessageCircle, Minus, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { MAX_QUANTITY, MIN_QUANTITY } from "@/lib/cart/limits";
import { formatMessage, type Messages } from "@/lib/i18n/messages";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { cn } from "@/lib/utils";
import { ProductImage } from "./product-image";

export type CartLineView = {
  productId: string;
  name: string;
  href: string;
  imageUrl: string | null;
  quantity: number;
  available: boolean;
  /** Formatted for the shopper's language. */
  unitPrice: string;
  lineTotal: string;
};

type FormAction = (formData: FormData) => Promise<void>;

function HiddenFields({ store, lang, product }: { store: string; lang?: string; product: string }) {
  return (
    <>
      <input type="hidden" name="store" value={store} />
      <input type="hidden" name="product" value={product} />
      {lang ? <input type="hidden" name="lang" value={lang} /> : null}
    </>
  );
}

/**
 * The cart's lines with −/+ and remove buttons. Each button is a plain form post that
 * sends an absolute quantity, so a repeated submit cannot count twice.
 */
export function CartLines({
  lines,
  store,
  lang,
  messages,
  updateAction,
  removeAction,
}: {
  lines: CartLineView[];
  store: string;
  lang?: ShopperLanguage;
  messages: Messages["storefront"];
  updateAction: FormAction;
  removeAction: FormAction;
}) {
  return (
    <ul className="divide-y rounded-xl border" data-testid="cart-lines">
      {lines.map((line) => (
        <li
          key={line.productId}
          data-testid="cart-line"
          data-available={line.available}
          className="flex flex-wrap items-center gap-4 p-4"
        >
          <ProductImage
            src={line.imageUrl}
            alt=""
            size={80}
            className={cn("size-20 rounded-lg", !line.available && "opacity-50")}
          />
          <div className="grid min-w-40 flex-1 gap-1">
            <a href={line.href} className="font-medium hover:underline">
              {line.name}
            </a>
            <p className="text-sm text-muted-foreground tabular-nums">
              {formatMessage(messages.unitPrice, { price: line.unitPrice })}
            </p>
            {line.available ? null : (
              <p className="text-sm font-medium text-destructive">{messages.unavailable}</p>
            )}
          </div>
          {line.available ? (
            <form action={updateAction} className="flex items-center gap-1">
              <HiddenFields store={store} lang={lang} product={line.productId} />
              <Button
                type="submit"
                name="quantity"
                value={line.quantity - 1}
                variant="outline"
                size="icon"
                disabled={line.quantity <= MIN_QUANTITY}
                aria-label={formatMessage(messages.decrease, { product: line.name })}
              >
                <Minus aria-hidden />
              </Button>
              <span className="w-8 text-center font-medium tabular-nums">
                <span className="sr-only">{messages.quantity}: </span>
                <span data-testid="line-quantity">{line.quantity}</span>
              </span>
              <Button
                type="submit"
                name="quantity"
                value={line.quantity + 1}
                variant="outline"
                size="icon"
                disabled={line.quantity >= MAX_QUANTITY}
                aria-label={formatMessage(messages.increase, { product: line.name })}
              >
                <Plus aria-hidden />
              </Button>
            </form>
          ) : null}
          <p
            className={cn(
              "w-24 text-right font-semibold tabular-nums",
              !line.available && "text-muted-foreground line-through",
            )}
          >
            {line.lineTotal}
          </p>
          <form action={removeAction}>
            <HiddenFields store={store} lang={lang} product={line.productId} />
            <Button
              type="submit"
              variant="ghost"
              size="icon"
              aria-label={formatMessage(messages.removeProduct, { product: line.name })}
              title={messages.remove}
            >
              <Trash2 aria-hidden />
            </Button>
          </form>
        </li>
      ))}
    </ul>
  );
}

/** Subtotal and the one way to check out: continue in WhatsApp via the tracked redirect. */
export function CartSummary({
  subtotal,
  itemCount,
  chatHref,
  messages,
}: {
  subtotal: string;
  itemCount: string;
  /** Null when nothing in the cart can be ordered. */
  chatHref: string | null;
  messages: Messages["storefront"];
}) {
  return (
    <aside className="grid h-fit gap-4 rounded-xl border bg-card p-5" data-testid="cart-summary">
      <div className="flex items-baseline justify-between gap-4">
        <span className="text-muted-foreground">
          {messages.subtotal} · {itemCount}
        </span>
        <span className="text-xl font-semibold tabular-nums" data-testid="cart-subtotal">
          {subtotal}
        </span>
      </div>
      {chatHref ? (
        <Button asChild size="lg">
          <a href={chatHref} data-testid="continue-in-whatsapp">
            <MessageCircle aria-hidden />
            {messages.continueInWhatsApp}
          </a>
        </Button>
      ) : null}
      <p className="text-sm text-muted-foreground">{messages.checkoutNote}</p>
    </aside>
  );
}
