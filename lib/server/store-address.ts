import "server-only";
import { storefrontHref } from "@/lib/storefront/links";
import { AppOriginError, appOrigin } from "./app-origin";

/**
 * A store's storefront link for the dashboard, and its address as the owner would share it
 * ("chatcart.example/s/kyoto-tea"). Without a knowable origin the address is the path alone.
 */
export function storeAddress(headers: Headers, slug: string): { href: string; address: string } {
  const path = storefrontHref.catalog(slug);
  try {
    const url = new URL(path, appOrigin(headers));
    return { href: url.href, address: `${url.host}${url.pathname}` };
  } catch (error) {
    if (!(error instanceof AppOriginError)) throw error;
    return { href: path, address: path };
  }
}
