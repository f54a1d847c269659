"use server";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { addItem, createCart, findCart } from "@/lib/cart/cart";
import { clientIp, clientIpKey } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/rate-limit";
import { addToCartSchema, formFields, storefrontFormSchema } from "@/lib/storefront/cart-forms";
import { storefrontHref } from "@/lib/storefront/links";
import { findActiveProduct } from "@/lib/storefront/products";
import { loadStorefront, rememberLanguage, writeCartToken } from "@/lib/storefront/request";

/** New carts per IP address; generous, since a shop's Wi-Fi puts many shoppers on one address. */
const NEW_CART_LIMIT = { limit: 30, windowSeconds: 10 * 60 };

/**
 * Adds a product to the shopper's cart (creating the cart and its cookie on first use),
 * then shows the product page again with a confirmation. A plain form post, so it
 * works without JavaScript; staying on the page keeps its widget's product right.
 */
export async function addToCart(formData: FormData): Promise<never> {
  const fields = formFields(formData);
  const target = storefrontFormSchema.safeParse(fields);
  if (!target.success) notFound();
  const { store: storeSlug, lang } = target.data;
  const { db, store, language, cartToken } = await loadStorefront(storeSlug, lang);

  const input = addToCartSchema.safeParse(fields);
  if (!input.success) {
    const product = fields.product ?? "";
    redirect(
      product
        ? storefrontHref.product(store.slug, product, { lang, error: "quantity" })
        : storefrontHref.catalog(store.slug, { lang }),
    );
  }

  const product = await findActiveProduct(db, store.id, input.data.product);
  if (!product) redirect(storefrontHref.cart(store.slug, { lang, error: "unavailable" }));

  let cart = await findCart(db, store.id, cartToken);
  if (!cart) {
    // Each new cart is a row: a script posting without cookies must not fill the table.
    const limit = await consumeRateLimit(
      db,
      `cart-create:${clientIpKey(clientIp({ headers: await headers() }))}`,
      NEW_CART_LIMIT,
    );
    if (!limit.allowed) {
      redirect(storefrontHref.product(store.slug, product.slug, { lang, error: "busy" }));
    }
    cart = await createCart(db, store.id, { language });
    await writeCartToken(store.slug, cart.token);
  }
  const added = await addItem(db, cart, product.id, input.data.quantity, { language });
  await rememberLanguage(lang);
  redirect(
    added.ok
      ? storefrontHref.product(store.slug, product.slug, { lang, added: true })
      : storefrontHref.cart(store.slug, { lang, error: "unavailable" }),
  );
}
