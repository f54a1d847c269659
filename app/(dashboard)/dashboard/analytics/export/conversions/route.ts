import { requireMember } from "@/lib/auth/current-member";
import { conversionsCsv } from "@/lib/analytics/export/conversions";
import { csvExportResponse } from "@/lib/analytics/export/response";

export const dynamic = "force-dynamic";

/** GET /dashboard/analytics/export/conversions?range=30d — conversions by source per day as CSV (owner or agent). */
export async function GET(request: Request): Promise<Response> {
  const member = await requireMember();
  return csvExportResponse(request, member, "conversions", conversionsCsv);
}
