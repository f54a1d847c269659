import { QrCodeForm } from "@/components/qr/qr-code-form";
import { QrCodeTable } from "@/components/qr/qr-code-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { listActiveProducts } from "@/lib/catalog/products";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { listQrCodes } from "@/lib/qr/codes";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.qrCodes.title };
}

export default async function QrCodesPage() {
  const { db, store, role } = await requireMember();
  const [qrCodes, products, strings] = await Promise.all([
    listQrCodes(db, store.id),
    listActiveProducts(db, store.id),
    getDashboardStrings(),
  ]);
  const t = strings.t.qrCodes;
  const canEdit = role === "owner";
  return (
    <div className="grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
        <p className="text-sm text-muted-foreground">
          {formatMessage(t.intro, { store: store.name })}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t.yourCodes}</CardTitle>
          <CardDescription>{t.yourCodesHelp}</CardDescription>
        </CardHeader>
        <CardContent>
          {qrCodes.length > 0 ? (
            <QrCodeTable
              qrCodes={qrCodes}
              storeSlug={store.slug}
              timezone={store.timezone}
              canEdit={canEdit}
              strings={strings}
            />
          ) : (
            <p className="text-sm text-muted-foreground">{t.empty}</p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t.newCode}</CardTitle>
          <CardDescription>{canEdit ? t.newCodeHelp : t.ownerOnlyCreate}</CardDescription>
        </CardHeader>
        <CardContent>
          <QrCodeForm
            products={products.map((product) => ({ value: product.id, label: product.name }))}
            readOnly={!canEdit}
            t={t}
            saving={strings.t.forms.saving}
          />
        </CardContent>
      </Card>
    </div>
  );
}
