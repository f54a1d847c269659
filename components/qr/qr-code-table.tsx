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
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import type { QrCodeSummary } from "@/lib/qr/codes";
import { qrImagePath } from "@/lib/qr/links";
import { ArchiveQrCodeButton } from "./archive-qr-code-button";

export function QrCodeTable({
  qrCodes,
  storeSlug,
  timezone,
  canEdit,
  strings,
}: {
  qrCodes: QrCodeSummary[];
  storeSlug: string;
  timezone: string;
  canEdit: boolean;
  strings: DashboardStrings;
}) {
  const { format } = strings;
  const t = strings.t.qrCodes;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t.table.name}</TableHead>
          <TableHead className="hidden sm:table-cell">{t.table.opensChatAbout}</TableHead>
          <TableHead className="text-right">{t.table.scans}</TableHead>
          <TableHead className="hidden md:table-cell">{t.table.lastScan}</TableHead>
          <TableHead>
            <span className="sr-only">{t.table.actions}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {qrCodes.map((qrCode) => (
          <TableRow key={qrCode.id} data-testid="qr-code-row" data-code={qrCode.code}>
            <TableCell>
              <Link href={`/dashboard/qr/${qrCode.id}`} className="font-medium hover:underline">
                {qrCode.name}
              </Link>
              <p className="font-mono text-xs text-muted-foreground">
                {qrCode.code}
                {qrCode.archivedAt ? (
                  <Badge variant="outline" className="ml-2">
                    {t.table.archived}
                  </Badge>
                ) : null}
              </p>
              <p className="max-w-40 truncate text-xs text-muted-foreground sm:hidden">
                {qrCode.productName ?? t.table.theStore}
              </p>
            </TableCell>
            <TableCell className="hidden max-w-64 truncate sm:table-cell">
              {qrCode.productName ?? t.table.theStore}
              {qrCode.productActive === false ? (
                <Badge variant="outline" className="ml-2">
                  {t.table.archivedProduct}
                </Badge>
              ) : null}
            </TableCell>
            <TableCell className="text-right tabular-nums" data-testid="qr-scans">
              {format.number(qrCode.scans)}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap md:table-cell">
              {qrCode.lastScanAt ? format.dateTime(qrCode.lastScanAt, timezone) : t.table.never}
            </TableCell>
            <TableCell>
              <div className="flex items-center justify-end gap-2">
                {qrCode.archivedAt ? null : (
                  <>
                    <Button asChild variant="ghost" size="sm">
                      <Link href={`/dashboard/qr/${qrCode.id}/card`}>{t.table.shopCard}</Link>
                    </Button>
                    <Button asChild variant="ghost" size="sm">
                      <a
                        href={qrImagePath(storeSlug, qrCode.code, { format: "png", size: 1024 })}
                        download
                      >
                        PNG
                      </a>
                    </Button>
                  </>
                )}
                {canEdit ? (
                  <ArchiveQrCodeButton id={qrCode.id} archived={qrCode.archivedAt !== null} t={t} />
                ) : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
