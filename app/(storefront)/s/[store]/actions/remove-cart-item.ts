"use server";

import { notFound, redirect } from "next/navigation";
import { findCart, removeItem } from "@/lib/cart/cart";
import { formFields, removeItemSchema, storefrontFormSchema } from "@/lib/storefront/cart-forms";
import { storefrontHref } from "@/lib/storefront/links";
import { loadStorefront } from "@/lib/storefront/request";

/** Removes a line from the cart, then shows the cart again. */
export async function removeCartItem(formData: FormData): Promise<never> {
  const fields = formFields(formData);
  const target = storefrontFormSchema.safeParse(fields);
  if (!target.success) notFound();
  const { store: storeSlug, lang } = target.data;
  const { db, store, cartToken } = await loadStorefront(storeSlug, lang);

  const input = removeItemSchema.safeParse(fields);
  if (!input.success) redirect(storefrontHref.cart(store.slug, { lang }));

  const cart = await findCart(db, store.id, cartToken);
  if (cart) await removeItem(db, cart, input.data.product);
  redirect(storefrontHref.cart(store.slug, { lang }));
}
