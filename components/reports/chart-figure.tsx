import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FigureTable, type FigureColumn } from "./figure-table";

/**
 * A chart with its title and description, announced as one image described by its text, and
 * the same figures as a table under "Show as table" for screen readers and exact numbers.
 */
export function ChartFigure({
  id,
  title,
  description,
  showTable,
  columns,
  rows,
  children,
}: {
  /** Unique on the page: names the title and description for aria-labelledby/-describedby. */
  id: string;
  title: string;
  description: string;
  showTable: string;
  columns: FigureColumn[];
  rows: { key: string; cells: ReactNode[] }[];
  children: ReactNode;
}) {
  return (
    <Card data-testid={`chart-${id}`} className="min-w-0">
      <CardHeader>
        <CardTitle id={`${id}-title`} role="heading" aria-level={2}>
          {title}
        </CardTitle>
        <CardDescription id={`${id}-description`}>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid min-w-0 gap-4">
        <div
          role="img"
          className="min-w-0"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-description`}
          data-testid="chart-image"
        >
          {children}
        </div>
        <details data-testid="chart-table" className="min-w-0">
          <summary className="cursor-pointer text-sm text-muted-foreground hover:text-foreground">
            {showTable}
          </summary>
          <div className="mt-2">
            <FigureTable columns={columns} rows={rows} caption={title} />
          </div>
        </details>
      </CardContent>
    </Card>
  );
}
