import { renderToStaticMarkup } from "react-dom/server";
import { expect } from "vitest";
import type { Database } from "@/db/drivers";
import { products, type Product } from "@/db/schema";
import CartPage from "@/app/(storefront)/s/[store]/cart/page";
import StoreCatalogPage from "@/app/(storefront)/s/[store]/page";
import StorefrontNotFound from "@/app/(storefront)/s/[store]/not-found";
import ProductPage from "@/app/(storefront)/s/[store]/p/[slug]/page";

const digestOf = (error: unknown) => String((error as { digest?: string }).digest);

export const expectNotFound = (promise: Promise<unknown>) =>
  expect(promise).rejects.toSatisfy((error: unknown) =>
    digestOf(error).startsWith("NEXT_HTTP_ERROR_FALLBACK;404"),
  );

/** Runs a server action and returns where it redirected. */
export async function redirectOf(action: Promise<unknown>): Promise<string> {
  const error = await action.then(
    () => new Error("the action did not redirect"),
    (thrown: unknown) => thrown,
  );
  const digest = digestOf(error);
  if (!digest.startsWith("NEXT_REDIRECT;")) throw error;
  return digest.split(";")[2]!;
}

export function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

type Query = Record<string, string>;

export async function renderCatalog(store: string, query: Query = {}) {
  const page = await StoreCatalogPage({
    params: Promise.resolve({ store }),
    searchParams: Promise.resolve(query),
  });
  return renderToStaticMarkup(page);
}

export async function renderProduct(store: string, slug: string, query: Query = {}) {
  const page = await ProductPage({
    params: Promise.resolve({ store, slug }),
    searchParams: Promise.resolve(query),
  });
  return renderToStaticMarkup(page);
}

export async function renderCart(store: string, query: Query = {}) {
  const page = await CartPage({
    params: Promise.resolve({ store }),
    searchParams: Promise.resolve(query),
  });
  return renderToStaticMarkup(page);
}

export async function renderNotFound() {
  return renderToStaticMarkup(await StorefrontNotFound());
}

let counter = 0;

export async function createProduct(
  db: Database,
  storeId: string,
  values: Partial<Product> = {},
): Promise<Product> {
  counter += 1;
  const [product] = await db
    .insert(products)
    .values({
      storeId,
      slug: `tea-${counter}`,
      sku: `TEA-${counter}`,
      name: `Tea ${counter}`,
      description: "Roasted over charcoal.",
      priceMinor: 1200,
      currency: "JPY",
      imageUrl: "/products/kyoto-hojicha-100g.svg",
      ...values,
    })
    .returning();
  if (!product) throw new Error("no product");
  return product;
}
