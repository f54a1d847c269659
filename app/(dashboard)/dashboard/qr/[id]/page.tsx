import type { Metadata } from "next";
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
import { getQrCode } from "@/lib/qr/codes";
import { qrCodeIdSchema } from "@/lib/qr/form-schema";
import { qrImagePath, qrScanUrl } from "@/lib/qr/links";
import { appOrigin } from "@/lib/server/app-origin";

export const metadata: Metadata = { title: "QR code" };

export default async function QrCodePage({ params }: { params: Promise<{ id: string }> }) {
  const { db, store, role } = await requireMember();
  const parsed = qrCodeIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const [qrCode, products] = await Promise.all([
    getQrCode(db, store.id, parsed.data.id),
    listActiveProducts(db, store.id),
  ]);
  if (!qrCode) notFound();

  const canEdit = role === "owner";
  const scanUrl = qrScanUrl(appOrigin(await headers()), store.slug, qrCode.code);
  const choices = products.map((product) => ({ value: product.id, label: product.name }));
  if (qrCode.productId && !choices.some((choice) => choice.value === qrCode.productId)) {
    choices.push({ value: qrCode.productId, label: `${qrCode.productName} (archived)` });
  }
  const when = new Intl.DateTimeFormat("en", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: store.timezone,
  });
  const archived = qrCode.archivedAt !== null;
  return (
    <div className="grid max-w-5xl gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid gap-1">
          <Link href="/dashboard/qr" className="text-sm text-muted-foreground hover:underline">
            ← QR codes
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">{qrCode.name}</h1>
          <p className="text-sm text-muted-foreground" data-testid="qr-stats">
            {qrCode.scans} {qrCode.scans === 1 ? "scan" : "scans"}
            {qrCode.lastScanAt ? `, last ${when.format(qrCode.lastScanAt)}` : ""}
            {archived ? " · archived" : ""}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {archived ? null : (
            <Button asChild>
              <Link href={`/dashboard/qr/${qrCode.id}/card`}>Print shop cards</Link>
            </Button>
          )}
          {canEdit ? <ArchiveQrCodeButton id={qrCode.id} archived={archived} /> : null}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
            <CardDescription>
              {canEdit
                ? "The printed code stays the same when you change these."
                : "Only the store owner can change this code."}
            </CardDescription>
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
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>The code</CardTitle>
            <CardDescription className="break-all font-mono text-xs" data-testid="qr-scan-url">
              {scanUrl}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {archived ? (
              <p className="text-sm text-muted-foreground">
                Archived codes have no image. Restore the code to download or print it.
              </p>
            ) : (
              <>
                {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route, already the right size */}
                <img
                  src={qrImagePath(store.slug, qrCode.code, { format: "svg", size: 256 })}
                  alt={`QR code for ${qrCode.name}`}
                  width={256}
                  height={256}
                  className="mx-auto rounded-md border bg-white"
                />
                <QrImageDownload storeSlug={store.slug} code={qrCode.code} />
              </>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
