import Image from "next/image";
import { Leaf } from "lucide-react";
import { isLocalImagePath } from "@/lib/catalog/images";
import { cn } from "@/lib/utils";

/**
 * A square product image with fixed dimensions, so nothing shifts while it loads.
 * Local raster images go through the optimiser; SVGs and remote URLs are served as
 * they are (next/image does not optimise SVG, and remote hosts are not configured).
 */
export function ProductImage({
  src,
  alt,
  size,
  eager = false,
  className,
}: {
  src: string | null;
  alt: string;
  size: number;
  /** The page's main image (its largest paint): load it at once, first. */
  eager?: boolean;
  className?: string;
}) {
  if (!src) {
    return (
      <div
        role="img"
        aria-label={alt}
        className={cn("flex aspect-square items-center justify-center bg-muted", className)}
      >
        <Leaf className="size-1/4 text-muted-foreground/50" aria-hidden />
      </div>
    );
  }
  return (
    <Image
      src={src}
      alt={alt}
      width={size}
      height={size}
      // `preload` also puts a high-priority <link rel=preload> in the head, so the browser
      // fetches the image with the stylesheet instead of after parsing down to the <img>.
      preload={eager}
      loading={eager ? undefined : "lazy"}
      fetchPriority={eager ? "high" : undefined}
      unoptimized={!isLocalImagePath(src) || src.endsWith(".svg")}
      sizes={`(max-width: 640px) 100vw, ${size}px`}
      className={cn("aspect-square bg-muted object-cover", className)}
    />
  );
}
