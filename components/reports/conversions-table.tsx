"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useState } from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
// Types only: erased from the client bundle, so the server-only module is never shipped.
import type { ConversionFigures } from "@/lib/analytics/conversions";
import { asPercent, type SortDirection, sortRows } from "@/lib/analytics/display";
import { dashboardFormatters } from "@/lib/dashboard-i18n/format";
import type { DashboardLanguage } from "@/lib/dashboard-i18n/languages";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { Delta } from "./delta";

export type ConversionTableRow = ConversionFigures & {
  key: string;
  /** The entry point in words (the QR code by its name). */
  label: string;
  /** The same entry point's net revenue in the previous period (0 when it had none). */
  previousRevenueMinor: number;
};

const COLUMNS = [
  "label",
  "clicks",
  "chats",
  "orders",
  "paidOrders",
  "revenueMinor",
  "chatRate",
  "orderRate",
  "paidRate",
  "averageOrderMinor",
] as const;
type Column = (typeof COLUMNS)[number];

/** Conversions by entry point; a heading sorts by its column (again: the other way). */
export function ConversionsTable({
  rows,
  totals,
  currency,
  language,
  t,
}: {
  rows: ConversionTableRow[];
  totals: ConversionFigures;
  currency: string;
  language: DashboardLanguage;
  t: Pick<DashboardMessages["analytics"], "conversions" | "steps" | "delta">;
}) {
  const [sort, setSort] = useState<{ column: Column; direction: SortDirection } | null>(null);
  const format = dashboardFormatters(language);
  const headers: Record<Column, string> = {
    label: t.conversions.entryPoint,
    clicks: t.steps.clicks,
    chats: t.steps.chats,
    orders: t.steps.orders,
    paidOrders: t.steps.paidOrders,
    revenueMinor: t.conversions.revenue,
    chatRate: t.conversions.chatRate,
    orderRate: t.conversions.orderRate,
    paidRate: t.conversions.paidRate,
    averageOrderMinor: t.conversions.averageOrder,
  };
  const shown = sort ? sortRows(rows, (row) => row[sort.column], sort.direction, language) : rows;
  const cell = (figures: ConversionFigures, column: Exclude<Column, "label">) => {
    const value = figures[column];
    if (value === null) return "—";
    if (column === "revenueMinor" || column === "averageOrderMinor")
      return format.money(value, currency);
    if (column.endsWith("Rate")) return `${format.percent(asPercent(value)!)}%`;
    return format.number(value);
  };
  const toggle = (column: Column) =>
    setSort((now) => ({
      column,
      direction:
        now?.column === column
          ? now.direction === "asc"
            ? "desc"
            : "asc"
          : column === "label"
            ? "asc"
            : "desc",
    }));
  return (
    <Table data-testid="conversions-table">
      <caption className="sr-only">{t.conversions.tableTitle}</caption>
      <TableHeader>
        <TableRow>
          {COLUMNS.map((column) => {
            const active = sort?.column === column;
            const Icon = !active ? ArrowUpDown : sort.direction === "asc" ? ArrowUp : ArrowDown;
            return (
              <TableHead
                key={column}
                scope="col"
                aria-sort={
                  active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined
                }
                className={column === "label" ? "" : "text-right"}
              >
                <button
                  type="button"
                  onClick={() => toggle(column)}
                  data-testid={`sort-${column}`}
                  className="inline-flex items-center gap-1 hover:text-foreground"
                >
                  {headers[column]}
                  <Icon className="size-3" aria-hidden />
                  {active ? (
                    <span className="sr-only">
                      {sort.direction === "asc"
                        ? t.conversions.sortedAscending
                        : t.conversions.sortedDescending}
                    </span>
                  ) : null}
                </button>
              </TableHead>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {shown.map((row) => (
          <TableRow key={row.key} data-testid="conversion-row" data-key={row.key}>
            <TableHead scope="row" className="font-medium">
              {row.label}
            </TableHead>
            {COLUMNS.slice(1).map((column) => (
              <TableCell key={column} className="text-right tabular-nums">
                {cell(row, column as Exclude<Column, "label">)}
                {column === "revenueMinor" ? (
                  <div>
                    <Delta
                      current={row.revenueMinor}
                      previous={row.previousRevenueMinor}
                      value={{ kind: "money", currency }}
                      language={language}
                      t={t.delta}
                    />
                  </div>
                ) : null}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell className="font-medium">{t.conversions.total}</TableCell>
          {COLUMNS.slice(1).map((column) => (
            <TableCell key={column} className="text-right tabular-nums">
              {cell(totals, column as Exclude<Column, "label">)}
            </TableCell>
          ))}
        </TableRow>
      </TableFooter>
    </Table>
  );
}
