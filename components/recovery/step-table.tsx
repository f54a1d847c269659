import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import type { RecoveryKpis } from "@/lib/recovery/kpis";

/** The period's figures for each step of the sequence. */
export function RecoveryStepTable({
  kpis,
  strings: { t, format },
}: {
  kpis: RecoveryKpis;
  strings: DashboardStrings;
}) {
  const w = t.recoveryReport.kpis;
  const n = format.number;
  const columns = [w.sent, w.delivered, w.read, w.failed, w.skipped, w.recovered];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{w.perStep}</CardTitle>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        <Table data-testid="recovery-steps-table">
          <TableHeader>
            <TableRow>
              <TableHead>{w.step}</TableHead>
              {columns.map((label) => (
                <TableHead key={label} className="text-right">
                  {label}
                </TableHead>
              ))}
              <TableHead className="text-right">{w.recoveredRevenue}</TableHead>
              <TableHead className="text-right">{w.recoveryRate}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {kpis.steps.map((step) => (
              <TableRow key={step.step}>
                <TableCell className="font-medium">
                  {formatMessage(w.stepNumber, { step: String(step.step) })}
                </TableCell>
                {[
                  step.sent,
                  step.delivered,
                  step.read,
                  step.failed,
                  step.skipped,
                  step.recovered,
                ].map((value, index) => (
                  <TableCell key={index} className="text-right tabular-nums">
                    {n(value)}
                  </TableCell>
                ))}
                <TableCell className="text-right tabular-nums">
                  {format.money(step.recoveredRevenueMinor, kpis.currency)}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {step.recoveryRate === null
                    ? "—"
                    : `${format.percent(step.recoveryRate * 100)} %`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
