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
import { formatMessage, type DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
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

function StatusBadge({
  active,
  t,
}: {
  active: boolean;
  t: DashboardMessages["products"]["table"];
}) {
  return active ? (
    <Badge variant="success">{t.active}</Badge>
  ) : (
    <Badge variant="secondary">{t.archived}</Badge>
  );
}

export function ProductTable({
  products,
  canEdit,
  strings: { t: words, format },
}: {
  products: Product[];
  canEdit: boolean;
  strings: DashboardStrings;
}) {
  const t = words.products.table;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-12 sm:w-14">
            <span className="sr-only">{t.image}</span>
          </TableHead>
          <TableHead>{t.name}</TableHead>
          <TableHead className="hidden sm:table-cell">{t.sku}</TableHead>
          <TableHead className="hidden text-right sm:table-cell">{t.price}</TableHead>
          <TableHead className="hidden sm:table-cell">{t.status}</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">{t.actions}</span>
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
                {format.money(product.priceMinor, product.currency)}
                <StatusBadge active={product.active} t={t} />
              </span>
            </TableCell>
            <TableCell className="hidden font-mono text-xs sm:table-cell">{product.sku}</TableCell>
            <TableCell className="hidden text-right tabular-nums sm:table-cell">
              {format.money(product.priceMinor, product.currency)}
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <StatusBadge active={product.active} t={t} />
            </TableCell>
            <TableCell>
              <div className="flex items-center justify-end gap-2">
                <Button asChild variant="ghost" size="sm" className="hidden sm:inline-flex">
                  <Link
                    href={`/dashboard/products/${product.id}`}
                    aria-label={formatMessage(canEdit ? t.editProduct : t.viewProduct, {
                      product: product.name,
                    })}
                  >
                    {canEdit ? t.edit : t.view}
                  </Link>
                </Button>
                {canEdit ? (
                  <ArchiveButton
                    productId={product.id}
                    productName={product.name}
                    active={product.active}
                    labels={{
                      archive: t.archive,
                      restore: t.restore,
                      archiveProduct: t.archiveProduct,
                      restoreProduct: t.restoreProduct,
                    }}
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
