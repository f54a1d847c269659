import type { Metadata } from "next";
import { QrCodeForm } from "@/components/qr/qr-code-form";
import { QrCodeTable } from "@/components/qr/qr-code-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { listActiveProducts } from "@/lib/catalog/products";
import { listQrCodes } from "@/lib/qr/codes";

export const metadata: Metadata = { title: "QR codes" };

export default async function QrCodesPage() {
  const { db, store, role } = await requireMember();
  const [qrCodes, products] = await Promise.all([
    listQrCodes(db, store.id),
    listActiveProducts(db, store.id),
  ]);
  const canEdit = role === "owner";
  return (
    <div className="grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">QR codes</h1>
        <p className="text-sm text-muted-foreground">
          Print them on shop cards and displays. Every scan opens a WhatsApp chat with {store.name}{" "}
          and counts as a click from the QR code, so you can see which card brought which chat.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Your codes</CardTitle>
          <CardDescription>
            Scans are counted per code; archived codes are listed last.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {qrCodes.length > 0 ? (
            <QrCodeTable
              qrCodes={qrCodes}
              storeSlug={store.slug}
              timezone={store.timezone}
              canEdit={canEdit}
            />
          ) : (
            <p className="text-sm text-muted-foreground">No QR codes yet.</p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>New QR code</CardTitle>
          <CardDescription>
            {canEdit
              ? "Name it after where it will be, and choose what the chat is about."
              : "Only the store owner can create QR codes."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <QrCodeForm
            products={products.map((product) => ({ value: product.id, label: product.name }))}
            readOnly={!canEdit}
          />
        </CardContent>
      </Card>
    </div>
  );
}
