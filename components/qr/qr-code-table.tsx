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
import type { QrCodeSummary } from "@/lib/qr/codes";
import { qrImagePath } from "@/lib/qr/links";
import { ArchiveQrCodeButton } from "./archive-qr-code-button";

export function QrCodeTable({
  qrCodes,
  storeSlug,
  timezone,
  canEdit,
}: {
  qrCodes: QrCodeSummary[];
  storeSlug: string;
  timezone: string;
  canEdit: boolean;
}) {
  const when = new Intl.DateTimeFormat("en", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timezone,
  });
  const number = new Intl.NumberFormat("en");
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead className="hidden sm:table-cell">Opens a chat about</TableHead>
          <TableHead className="text-right">Scans</TableHead>
          <TableHead className="hidden md:table-cell">Last scan</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
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
                    archived
                  </Badge>
                ) : null}
              </p>
              <p className="max-w-40 truncate text-xs text-muted-foreground sm:hidden">
                {qrCode.productName ?? "The store"}
              </p>
            </TableCell>
            <TableCell className="hidden max-w-64 truncate sm:table-cell">
              {qrCode.productName ?? "The store"}
              {qrCode.productActive === false ? (
                <Badge variant="outline" className="ml-2">
                  archived product
                </Badge>
              ) : null}
            </TableCell>
            <TableCell className="text-right tabular-nums" data-testid="qr-scans">
              {number.format(qrCode.scans)}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap md:table-cell">
              {qrCode.lastScanAt ? when.format(qrCode.lastScanAt) : "Never"}
            </TableCell>
            <TableCell>
              <div className="flex items-center justify-end gap-2">
                {qrCode.archivedAt ? null : (
                  <>
                    <Button asChild variant="ghost" size="sm">
                      <Link href={`/dashboard/qr/${qrCode.id}/card`}>Shop card</Link>
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
                  <ArchiveQrCodeButton id={qrCode.id} archived={qrCode.archivedAt !== null} />
                ) : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
