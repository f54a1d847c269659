import { getDb } from "@/lib/server/database";
import { isAuthorizedCronRequest } from "@/lib/jobs/cron-auth";
import { operatorInboxReport } from "@/lib/processing/operator-report";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export const dynamic = "force-dynamic";

/** The operator's view of webhook items no store owns: `Authorization: Bearer $CRON_SECRET`. */
export async function GET(request: Request): Promise<Response> {
  const { cronSecret } = whatsappPlatformConfig();
  if (!cronSecret) return Response.json({ message: "CRON_SECRET is not set" }, { status: 503 });
  if (!isAuthorizedCronRequest(request.headers.get("authorization"), cronSecret)) {
    return Response.json({ message: "Unauthorized" }, { status: 401 });
  }
  return Response.json(await operatorInboxReport(await getDb()));
}
