import Image from "next/image";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { Product } from "@/db/schema";
import { checkImageUrl } from "@/lib/catalog/images";
import { formatMoney } from "@/lib/money/format";
import { ArchiveButton } from "./archive-button";

function Thumbnail({ product }: { product: Product }) {
  const image = product.imageUrl ? checkImageUrl(product.imageUrl) : undefined;
  if (!image?.ok)
    return <div className="size-10 min-w-10 rounded-md border border-dashed bg-muted" />;
  // Thumbnails are tiny and may be on any https host: no optimiser round trip.
  return (
    <Image
      src={image.url}
      alt=""
      width={40}
      height={40}
      unoptimized
      className="size-10 max-w-none min-w-10 rounded-md border bg-muted object-cover"
    />
  );
}

function StatusBadge({ active }: { active: boolean }) {
  return active ? (
    <Badge variant="success">Active</Badge>
  ) : (
    <Badge variant="secondary">Archived</Badge>
  );
}

export function ProductTable({ products, canEdit }: { products: Product[]; canEdit: boolean }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-12 sm:w-14">
            <span className="sr-only">Image</span>
          </TableHead>
          <TableHead>Name</TableHead>
          <TableHead className="hidden sm:table-cell">SKU</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Price</TableHead>
          <TableHead className="hidden sm:table-cell">Status</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {products.map((product) => (
          <TableRow key={product.id} data-testid="product-row">
            <TableCell>
              <Thumbnail product={product} />
            </TableCell>
            <TableCell className="max-w-40 sm:max-w-80">
              <Link
                href={`/dashboard/products/${product.id}`}
                className="block truncate font-medium underline-offset-4 hover:underline"
              >
                {product.name}
              </Link>
              <span className="block truncate text-xs text-muted-foreground">{product.slug}</span>
              {/* On a phone the row stacks: price and status under the name. */}
              <span className="mt-1 flex items-center gap-2 text-xs tabular-nums sm:hidden">
                {formatMoney(product.priceMinor, product.currency)}
                <StatusBadge active={product.active} />
              </span>
            </TableCell>
            <TableCell className="hidden font-mono text-xs sm:table-cell">{product.sku}</TableCell>
            <TableCell className="hidden text-right tabular-nums sm:table-cell">
              {formatMoney(product.priceMinor, product.currency)}
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <StatusBadge active={product.active} />
            </TableCell>
            <TableCell>
              <div className="flex items-center justify-end gap-2">
                <Button asChild variant="ghost" size="sm" className="hidden sm:inline-flex">
                  <Link
                    href={`/dashboard/products/${product.id}`}
                    aria-label={`${canEdit ? "Edit" : "View"} ${product.name}`}
                  >
                    {canEdit ? "Edit" : "View"}
                  </Link>
                </Button>
                {canEdit ? (
                  <ArchiveButton
                    productId={product.id}
                    productName={product.name}
                    active={product.active}
                  />
                ) : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
