import Link from "next/link";
import { FigureTable } from "@/components/reports/figure-table";
import { ReportEmpty } from "@/components/reports/report-empty";
import { ReportHeader } from "@/components/reports/report-header";
import { Delta } from "@/components/reports/delta";
import { Card, CardContent } from "@/components/ui/card";
import { conversionsByProduct } from "@/lib/analytics/products";
import { loadReportRequest } from "@/lib/analytics/report-request";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.analytics.sections.products.title };
}

export default async function ProductsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = await loadReportRequest(searchParams);
  const { db, analyticsStore: store, range, strings } = request;
  const [current, previous] = await Promise.all([
    conversionsByProduct(db, store, range.current),
    conversionsByProduct(db, store, range.previous),
  ]);
  const { t, format, language } = strings;
  const words = t.analytics.products;
  const previousRevenue = new Map(previous.map((row) => [row.productId, row.revenueMinor]));
  return (
    <div className="grid min-w-0 gap-6">
      <ReportHeader
        request={request.view}
        title={t.analytics.sections.products.title}
        description={t.analytics.sections.products.description}
      />
      {current.length === 0 ? (
        <ReportEmpty
          text={words.empty}
          actions={[
            { href: "/dashboard/widget", label: t.overview.chart.addWidget },
            { href: "/dashboard/qr", label: t.overview.chart.makeQr },
          ]}
        />
      ) : (
        <Card className="min-w-0">
          <CardContent>
            <FigureTable
              testId="products-table"
              caption={t.analytics.sections.products.title}
              columns={[
                { header: words.product },
                { header: words.chats, numeric: true },
                { header: words.orders, numeric: true },
                { header: t.analytics.steps.paidOrders, numeric: true },
                { header: words.units, numeric: true },
                { header: words.revenue, numeric: true },
              ]}
              rows={current.map((row) => ({
                key: row.productId ?? "deleted",
                cells: [
                  row.productId ? (
                    <Link href={`/dashboard/products/${row.productId}`} className="hover:underline">
                      {row.name}
                    </Link>
                  ) : (
                    words.deleted
                  ),
                  format.number(row.chats),
                  format.number(row.orders),
                  format.number(row.paidOrders),
                  format.number(row.units),
                  <div key="revenue" className="grid justify-items-end">
                    {format.money(row.revenueMinor, store.currency)}
                    <Delta
                      current={row.revenueMinor}
                      previous={previousRevenue.get(row.productId) ?? 0}
                      value={{ kind: "money", currency: store.currency }}
                      language={language}
                      t={t.analytics.delta}
                    />
                  </div>,
                ],
              }))}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
