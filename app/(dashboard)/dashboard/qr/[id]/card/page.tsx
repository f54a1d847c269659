import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PrintButton } from "@/components/qr/print-button";
import {
  SHOP_CARD_SIZES,
  ShopCard,
  shopCardPrintCss,
  type ShopCardSize,
} from "@/components/qr/shop-card";
import { requireMember } from "@/lib/auth/current-member";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { getQrCode } from "@/lib/qr/codes";
import { qrCodeIdSchema } from "@/lib/qr/form-schema";
import { qrScanUrl } from "@/lib/qr/links";
import { renderQrSvg } from "@/lib/qr/render";
import { appOrigin } from "@/lib/server/app-origin";
import { cn } from "@/lib/utils";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.qrCodes.card.title };
}

const sizeSchema = z.enum(["card", "a6"]).catch("card");

export default async function ShopCardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ size?: string | string[] }>;
}) {
  const { db, store } = await requireMember();
  const parsed = qrCodeIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const [qrCode, { t: strings }] = await Promise.all([
    getQrCode(db, store.id, parsed.data.id),
    getDashboardStrings(),
  ]);
  const t = strings.qrCodes.card;
  if (!qrCode) notFound();
  const size: ShopCardSize = sizeSchema.parse((await searchParams).size);

  const back = (
    <Link
      href={`/dashboard/qr/${qrCode.id}`}
      className="text-sm text-muted-foreground hover:underline"
    >
      ← {qrCode.name}
    </Link>
  );
  if (qrCode.archivedAt) {
    return (
      <div className="grid gap-2">
        {back}
        <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
        <p className="text-sm text-muted-foreground">{t.archived}</p>
      </div>
    );
  }

  const url = qrScanUrl(appOrigin(await headers()), store.slug, qrCode.code);
  // Q: printed cards get scuffed on a counter; at this size the modules stay large.
  const qrSvg = await renderQrSvg(url, { ec: "Q" });
  return (
    <div className="grid gap-6 print:block">
      <style>{shopCardPrintCss(size)}</style>
      <div className="grid gap-3 print:hidden">
        {back}
        <h1 className="text-2xl font-semibold tracking-tight">
          {formatMessage(t.titleFor, { name: qrCode.name })}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <nav aria-label={t.size} className="flex gap-1 rounded-md border p-1">
            {Object.entries(SHOP_CARD_SIZES).map(([key, { width, height }]) => (
              <Link
                key={key}
                href={`?size=${key}`}
                aria-current={key === size ? "page" : undefined}
                className={cn(
                  "rounded px-3 py-1 text-sm",
                  key === size ? "bg-accent font-medium" : "text-muted-foreground",
                )}
              >
                {t.sizes[key as ShopCardSize]} ({width} × {height} mm)
              </Link>
            ))}
          </nav>
          <PrintButton label={t.print} />
        </div>
        <p className="text-sm text-muted-foreground">{t.printHelp}</p>
      </div>
      <div className="flex justify-center print:block">
        <ShopCard
          size={size}
          storeName={store.name}
          productName={qrCode.productName}
          qrSvg={qrSvg}
        />
      </div>
    </div>
  );
}
