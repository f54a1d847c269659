import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { type AnalyticsRange, rangeSearchParams } from "@/lib/analytics/range";
import { recoveryStatus } from "@/db/schema";
import { formatMessage, wordFor } from "@/lib/dashboard-i18n/messages";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import type { RecoveryList, RecoveryListQuery, RecoveryListRow } from "@/lib/recovery/list";
import { outcomeWords, stepStateWords } from "@/lib/recovery/report-words";
import type { RecoveryOutcome } from "@/lib/recovery/step-state";
import { StopRecoveryButton } from "./stop-recovery-button";

const OUTCOME_VARIANTS = {
  recovered: "success",
  in_progress: "info",
  stopped: "secondary",
  lost: "outline",
} as const satisfies Record<RecoveryOutcome["kind"], string>;

/** Filters, the recoveries with each step's state and the outcome, and pages. */
export function RecoveryListView({
  list,
  query,
  range,
  timezone,
  enabled,
  canStop,
  strings,
}: {
  list: RecoveryList;
  query: RecoveryListQuery;
  range: AnalyticsRange;
  timezone: string;
  /** Whether the store's recovery is switched on (for the empty state). */
  enabled: boolean;
  canStop: boolean;
  strings: DashboardStrings;
}) {
  const { t, format } = strings;
  const r = t.recoveryReport;
  const w = r.list;
  const context = { t: r, format, timezone };
  const pageHref = (page: number) => {
    const params = new URLSearchParams(rangeSearchParams(range));
    if (query.status) params.set("status", query.status);
    if (query.abandoned) params.set("abandoned", query.abandoned);
    params.set("page", String(page));
    return `/dashboard/recovery?${params}#recoveries`;
  };
  const filtered = Boolean(query.status || query.abandoned);
  const customer = (row: RecoveryListRow) => row.customerName?.trim() || row.phone || w.noName;
  return (
    <div className="grid gap-4" id="recoveries">
      <form
        method="get"
        action="/dashboard/recovery#recoveries"
        className="flex flex-wrap items-end gap-3"
      >
        {/* The period above stays as it is. */}
        {Object.entries(Object.fromEntries(new URLSearchParams(rangeSearchParams(range)))).map(
          ([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ),
        )}
        <div className="grid gap-1.5">
          <Label htmlFor="recovery-status">{w.status}</Label>
          <NativeSelect id="recovery-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{w.allStatuses}</option>
            {recoveryStatus.enumValues.map((status) => (
              <option key={status} value={status}>
                {w.statuses[status]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="recovery-abandoned">{w.abandonedFilter}</Label>
          <NativeSelect
            id="recovery-abandoned"
            name="abandoned"
            defaultValue={query.abandoned ?? ""}
          >
            <option value="">{w.anyTime}</option>
            <option value="range">{w.inPeriod}</option>
          </NativeSelect>
        </div>
        <Button type="submit" variant="outline">
          {w.filter}
        </Button>
      </form>
      {list.rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-muted-foreground" data-testid="recovery-empty">
          {filtered ? w.noMatches : enabled ? w.emptyOn : w.emptyOff}{" "}
          {!filtered && !enabled ? (
            <Link href="/dashboard/recovery/settings" className="font-medium underline">
              {r.settingsLink}
            </Link>
          ) : null}
        </p>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">
            {formatMessage(w.count, { count: format.number(list.total) })}
          </p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{w.customer}</TableHead>
                <TableHead className="text-right">{w.value}</TableHead>
                <TableHead className="hidden md:table-cell">{w.abandonedAt}</TableHead>
                <TableHead>{w.steps}</TableHead>
                <TableHead>{w.outcome}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.rows.map((row) => (
                <TableRow
                  key={row.id}
                  data-testid="recovery-row"
                  data-status={row.status}
                  className="align-top"
                >
                  <TableCell className="max-w-48 whitespace-normal">
                    <span className="font-medium">{customer(row)}</span>
                    {row.customerName?.trim() && row.phone ? (
                      <span className="block text-xs text-muted-foreground">{row.phone}</span>
                    ) : null}
                    <span className="block text-xs text-muted-foreground md:hidden">
                      {format.dateTime(row.abandonedAt, timezone)}
                    </span>
                    {row.orderNumber ? (
                      <Link
                        href={`/dashboard/orders/${encodeURIComponent(row.orderNumber)}`}
                        className="block text-xs underline-offset-4 hover:underline"
                      >
                        {formatMessage(w.order, { number: row.orderNumber })}
                      </Link>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {format.money(row.valueMinor, row.currency)}
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    {format.dateTime(row.abandonedAt, timezone)}
                  </TableCell>
                  <TableCell className="min-w-56 whitespace-normal">
                    <ol className="grid gap-1 text-sm">
                      {row.steps.map((step) => (
                        <li
                          key={step.step}
                          data-testid="recovery-step"
                          data-state={step.state.kind}
                        >
                          <span className="font-medium">
                            {formatMessage(r.kpis.stepNumber, { step: String(step.step) })}
                          </span>
                          {step.channel ? (
                            <span className="text-xs text-muted-foreground">
                              {" "}
                              ({wordFor(r.stepStates.channels, step.channel, step.channel)})
                            </span>
                          ) : null}
                          : {stepStateWords(step.state, context)}
                        </li>
                      ))}
                    </ol>
                  </TableCell>
                  <TableCell className="min-w-40 whitespace-normal">
                    <div className="grid gap-2">
                      <Badge
                        variant={OUTCOME_VARIANTS[row.outcome.kind]}
                        className="whitespace-normal"
                        data-testid="recovery-outcome"
                      >
                        {outcomeWords(row.outcome, { t: r, format })}
                      </Badge>
                      {canStop && row.status === "active" ? (
                        <StopRecoveryButton
                          recoveryId={row.id}
                          words={{
                            ...r.stop,
                            label: formatMessage(r.stop.label, { customer: customer(row) }),
                          }}
                        />
                      ) : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {list.pageCount > 1 ? (
            <nav className="flex items-center justify-between gap-3 text-sm">
              {list.page > 1 ? (
                <Link href={pageHref(list.page - 1)} className="underline-offset-4 hover:underline">
                  {w.previousPage}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-muted-foreground">
                {formatMessage(w.pageOf, {
                  page: format.number(list.page),
                  pages: format.number(list.pageCount),
                })}
              </span>
              {list.page < list.pageCount ? (
                <Link href={pageHref(list.page + 1)} className="underline-offset-4 hover:underline">
                  {w.nextPage}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
