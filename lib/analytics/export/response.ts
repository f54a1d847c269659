import "server-only";
import type { Database } from "@/db/drivers";
import type { AnalyticsWindow } from "@/lib/analytics/range";
import { exportFilename, type ExportStore } from "./export-store";
import { parseExportQuery } from "./query";

export type CsvExport = (
  db: Database,
  store: ExportStore,
  window: AnalyticsWindow,
) => ReadableStream<Uint8Array>;

/**
 * A dashboard CSV download for the member's store (resolved by the route, never from the
 * URL): the range from the query (400 with the reason when unusable), streamed as it is read.
 */
export function csvExportResponse(
  request: Request,
  member: { db: Database; store: ExportStore },
  kind: string,
  build: CsvExport,
  now = new Date(),
): Response {
  const { store } = member;
  const query = parseExportQuery(new URL(request.url).searchParams, store.timezone, now);
  if (!query.ok) {
    return Response.json(
      { error: query.message, issues: query.issues },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const filename = exportFilename(store, kind, query.window);
  return new Response(build(member.db, store, query.window), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      // The slug is [a-z0-9-] and the days digits: the plain form is exact.
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
