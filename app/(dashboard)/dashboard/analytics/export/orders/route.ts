import { requireMember } from "@/lib/auth/current-member";
import { ordersCsv } from "@/lib/analytics/export/orders";
import { csvExportResponse } from "@/lib/analytics/export/response";

export const dynamic = "force-dynamic";

/** GET /dashboard/analytics/export/orders?range=30d — the member's store's orders as CSV (owner or agent). */
export async function GET(request: Request): Promise<Response> {
  const member = await requireMember();
  return csvExportResponse(request, member, "orders", ordersCsv);
}
