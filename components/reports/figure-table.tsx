import type { ReactNode } from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/utils";

export type FigureColumn = { header: string; numeric?: boolean };

/** A plain table of figures already formatted: the reports' tables and charts' fallbacks. */
export function FigureTable({
  columns,
  rows,
  footer,
  caption,
  testId,
}: {
  columns: FigureColumn[];
  rows: { key: string; cells: ReactNode[] }[];
  footer?: ReactNode[];
  caption?: string;
  testId?: string;
}) {
  const align = (index: number) => (columns[index]?.numeric ? "text-right tabular-nums" : "");
  return (
    <Table data-testid={testId}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <TableHeader>
        <TableRow>
          {columns.map((column, index) => (
            <TableHead key={column.header} scope="col" className={cn(align(index))}>
              {column.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <TableHead key={index} scope="row" className="font-medium">
                  {cell}
                </TableHead>
              ) : (
                <TableCell key={index} className={align(index)}>
                  {cell}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
      {footer ? (
        <TableFooter>
          <TableRow>
            {footer.map((cell, index) => (
              <TableCell key={index} className={align(index)}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        </TableFooter>
      ) : null}
    </Table>
  );
}
