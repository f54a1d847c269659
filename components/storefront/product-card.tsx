import { ProductImage } from "./product-image";

/** A catalog tile: the whole card is one link to the product page. */
export function ProductCard({
  href,
  name,
  imageUrl,
  price,
  eager,
}: {
  href: string;
  name: string;
  imageUrl: string | null;
  /** Already formatted for the shopper's language. */
  price: string;
  eager?: boolean;
}) {
  return (
    <a
      href={href}
      className="group flex h-full flex-col overflow-hidden rounded-xl border bg-card outline-none transition-shadow hover:shadow-md focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <ProductImage src={imageUrl} alt="" size={400} eager={eager} className="w-full" />
      <div className="flex flex-1 flex-col justify-between gap-2 p-4">
        <h2 className="font-medium leading-snug group-hover:underline">{name}</h2>
        <p className="font-semibold tabular-nums">{price}</p>
      </div>
    </a>
  );
}
