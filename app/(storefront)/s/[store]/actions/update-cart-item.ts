"use server";

import { notFound, redirect } from "next/navigation";
import { findCart, setQuantity } from "@/lib/cart/cart";
import { formFields, setQuantitySchema, storefrontFormSchema } from "@/lib/storefront/cart-forms";
import { storefrontHref } from "@/lib/storefront/links";
import { loadStorefront } from "@/lib/storefront/request";

/** Sets a cart line's quantity (1–99), then shows the cart again. */
export async function updateCartItem(formData: FormData): Promise<never> {
  const fields = formFields(formData);
  const target = storefrontFormSchema.safeParse(fields);
  if (!target.success) notFound();
  const { store: storeSlug, lang } = target.data;
  const { db, store, cartToken } = await loadStorefront(storeSlug, lang);

  const input = setQuantitySchema.safeParse(fields);
  if (!input.success) redirect(storefrontHref.cart(store.slug, { lang, error: "quantity" }));

  // Found by token AND store: a token from another store changes nothing.
  const cart = await findCart(db, store.id, cartToken);
  if (cart) await setQuantity(db, cart, input.data.product, input.data.quantity);
  redirect(storefrontHref.cart(store.slug, { lang }));
}
