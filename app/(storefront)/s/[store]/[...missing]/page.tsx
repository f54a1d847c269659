import { notFound } from "next/navigation";

/** Any other path inside a store: the store's own not-found page, not the app's. */
export default function MissingStorefrontPage(): never {
  notFound();
}
