import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveQrCodeButton } from "@/components/qr/archive-qr-code-button";
import { QrCodeForm } from "@/components/qr/qr-code-form";
import { QrImageDownload } from "@/components/qr/qr-image-download";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { listActiveProducts } from "@/lib/catalog/products";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { getQrCode } from "@/lib/qr/codes";
import { qrCodeIdSchema } from "@/lib/qr/form-schema";
import { qrImagePath, qrScanUrl } from "@/lib/qr/links";
import { appOrigin } from "@/lib/server/app-origin";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.qrCodes.detail.metaTitle };
}

export default async function QrCodePage({ params }: { params: Promise<{ id: string }> }) {
  const { db, store, role } = await requireMember();
  const parsed = qrCodeIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const [qrCode, products, strings] = await Promise.all([
    getQrCode(db, store.id, parsed.data.id),
    listActiveProducts(db, store.id),
    getDashboardStrings(),
  ]);
  const t = strings.t.qrCodes;
  if (!qrCode) notFound();

  const canEdit = role === "owner";
  const scanUrl = qrScanUrl(appOrigin(await headers()), store.slug, qrCode.code);
  const choices = products.map((product) => ({ value: product.id, label: product.name }));
  if (qrCode.productId && !choices.some((choice) => choice.value === qrCode.productId)) {
    choices.push({
      value: qrCode.productId,
      label: formatMessage(t.detail.archivedProduct, { product: qrCode.productName ?? "" }),
    });
  }
  const archived = qrCode.archivedAt !== null;
  const scans =
    qrCode.scans === 1
      ? t.detail.oneScan
      : formatMessage(t.detail.scans, { count: strings.format.number(qrCode.scans) });
  const withLastScan = qrCode.lastScanAt
    ? formatMessage(t.detail.withLastScan, {
        scans,
        when: strings.format.dateTime(qrCode.lastScanAt, store.timezone),
      })
    : scans;
  const stats = archived
    ? formatMessage(t.detail.withArchived, { stats: withLastScan })
    : withLastScan;
  return (
    <div className="grid max-w-5xl gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid gap-1">
          <Link href="/dashboard/qr" className="text-sm text-muted-foreground hover:underline">
            {t.detail.back}
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">{qrCode.name}</h1>
          <p className="text-sm text-muted-foreground" data-testid="qr-stats">
            {stats}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {archived ? null : (
            <Button asChild>
              <Link href={`/dashboard/qr/${qrCode.id}/card`}>{t.detail.printCards}</Link>
            </Button>
          )}
          {canEdit ? <ArchiveQrCodeButton id={qrCode.id} archived={archived} t={t} /> : null}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card>
          <CardHeader>
            <CardTitle>{t.detail.details}</CardTitle>
            <CardDescription>{canEdit ? t.detail.detailsHelp : t.detail.ownerOnly}</CardDescription>
          </CardHeader>
          <CardContent>
            <QrCodeForm
              id={qrCode.id}
              values={{
                name: qrCode.name,
                productId: qrCode.productId ?? "",
                prefilledMessage: qrCode.prefilledMessage ?? "",
              }}
              products={choices}
              readOnly={!canEdit}
              t={t}
              saving={strings.t.forms.saving}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t.detail.theCode}</CardTitle>
            <CardDescription className="break-all font-mono text-xs" data-testid="qr-scan-url">
              {scanUrl}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {archived ? (
              <p className="text-sm text-muted-foreground">{t.detail.archivedNoImage}</p>
            ) : (
              <>
                {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route, already the right size */}
                <img
                  src={qrImagePath(store.slug, qrCode.code, { format: "svg", size: 256 })}
                  alt={formatMessage(t.detail.imageAlt, { name: qrCode.name })}
                  width={256}
                  height={256}
                  className="mx-auto rounded-md border bg-white"
                />
                <QrImageDownload storeSlug={store.slug} code={qrCode.code} t={t.detail} />
              </>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
