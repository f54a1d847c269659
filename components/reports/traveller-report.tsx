import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { ChartFigure } from "./chart-figure";
import { FigureTable } from "./figure-table";
import { ReportBarChart } from "./report-bar-chart";

/** What lib/analytics/traveller.ts computes for a group of travellers. */
export type TravellerFiguresView = {
  customers: number;
  payingCustomers: number;
  returningCustomers: number;
  dayOfScanRevenueMinor: number;
  laterRevenueMinor: number;
  medianDaysToFirstPaidOrder: number | null;
};
export type TravellerCountryView = TravellerFiguresView & { country: string };
export type TravellerQrCodeView = TravellerFiguresView & {
  qrCodeId: string | null;
  qrCodeName: string | null;
};

/** Countries drawn in the chart; the table has every one. */
const CHART_COUNTRIES = 8;

type Strings = Pick<DashboardStrings, "t" | "format" | "language">;

function figureCells(row: TravellerFiguresView, currency: string, strings: Strings) {
  const { format, t } = strings;
  return [
    format.number(row.customers),
    format.money(row.dayOfScanRevenueMinor, currency),
    format.money(row.laterRevenueMinor, currency),
    row.medianDaysToFirstPaidOrder === null
      ? "—"
      : formatMessage(t.analytics.traveller.days, {
          days: format.number(row.medianDaysToFirstPaidOrder),
        }),
  ];
}

/** Travellers by country (chart and table) and by the shop card they first scanned. */
export function TravellerReport({
  byCountry,
  byQrCode,
  currency,
  strings,
}: {
  byCountry: TravellerCountryView[];
  byQrCode: TravellerQrCodeView[];
  currency: string;
  strings: Strings;
}) {
  const { t, language } = strings;
  const words = t.analytics.traveller;
  const countryNames = new Intl.DisplayNames(language, { type: "region" });
  const countryName = (code: string) =>
    code === "unknown" ? words.unknownCountry : (countryNames.of(code) ?? code);
  const figureColumns = [
    { header: words.customers, numeric: true },
    { header: words.sameDay, numeric: true },
    { header: words.later, numeric: true },
    { header: words.medianDays, numeric: true },
  ];
  const countryRows = byCountry.map((row) => ({
    key: row.country,
    cells: [countryName(row.country), ...figureCells(row, currency, strings)],
  }));
  return (
    <div className="grid min-w-0 gap-6">
      <ChartFigure
        id="traveller"
        title={words.chartTitle}
        description={words.chartDescription}
        showTable={t.analytics.chart.showTable}
        columns={[{ header: words.country }, ...figureColumns]}
        rows={countryRows}
      >
        <ReportBarChart
          data={byCountry.slice(0, CHART_COUNTRIES).map((row) => ({
            country: countryName(row.country),
            sameDay: row.dayOfScanRevenueMinor,
            later: row.laterRevenueMinor,
          }))}
          category="country"
          series={[
            { key: "sameDay", label: words.sameDay, color: "var(--chart-3)" },
            { key: "later", label: words.later, color: "var(--chart-1)" },
          ]}
          value={{ kind: "money", currency }}
          language={language}
        />
      </ChartFigure>
      <section className="grid min-w-0 gap-2">
        <h2 className="font-semibold">{words.tableTitle}</h2>
        <FigureTable
          testId="traveller-qr-table"
          columns={[{ header: words.qrCode }, ...figureColumns]}
          rows={byQrCode.map((row) => ({
            key: row.qrCodeId ?? "deleted",
            cells: [
              row.qrCodeId === null ? t.analytics.conversions.qrCodeDeleted : row.qrCodeName,
              ...figureCells(row, currency, strings),
            ],
          }))}
        />
      </section>
    </div>
  );
}
