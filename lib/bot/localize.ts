import type { ReferredCart } from "@/lib/cart/attach";
import {
  localizedName,
  localizeProduct,
  readProductTranslations,
} from "@/lib/catalog/translations";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { BotCart, BotProduct } from "./types";

/** A product row as stored: its default name and description, and its translations. */
export type StoredBotProduct = Omit<BotProduct, "names"> & { translations: unknown };

/**
 * The product as the bot shows it in the conversation's `language`: its translated name and
 * description, else the defaults; `names` keeps every name so that the shopper may name it in
 * any of them (「茶筅を2つ」 for a product whose default name is "Bamboo whisk").
 */
export function toBotProduct(row: StoredBotProduct, language: ShopperLanguage): BotProduct {
  const { translations, ...product } = row;
  const shown = localizeProduct({ ...product, translations }, language);
  const others = Object.values(readProductTranslations(translations)).flatMap(
    (translation) => translation.name ?? [],
  );
  return {
    id: product.id,
    slug: product.slug,
    name: shown.name,
    description: shown.description,
    priceMinor: product.priceMinor,
    currency: product.currency,
    names: [...new Set([shown.name, product.name, ...others])],
  };
}

/** Products in `language`, sorted by the name the shopper sees, as that language sorts. */
export function toBotProducts(
  rows: readonly StoredBotProduct[],
  language: ShopperLanguage,
): BotProduct[] {
  const collator = new Intl.Collator(language);
  return rows
    .map((row) => toBotProduct(row, language))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The bot's view of a referred cart: the lines that count, named in `language`, priced now. */
export function toBotCart(
  referred: ReferredCart | null | undefined,
  language: ShopperLanguage,
): BotCart | null {
  if (!referred) return null;
  if (referred.status === "unavailable") return referred;
  const { cart } = referred;
  return {
    status: "open",
    cartId: cart.cart.id,
    currency: cart.currency,
    totalMinor: cart.subtotalMinor,
    lines: cart.lines
      .filter((line) => line.available)
      .map((line) => ({
        name: localizedName(line, language),
        quantity: line.quantity,
        lineTotalMinor: line.lineTotalMinor,
      })),
  };
}
