import { getDb } from "@/lib/server/database";
import { isAuthorizedCronRequest } from "@/lib/jobs/cron-auth";
import { tick } from "@/lib/jobs/tick";
import { tickOptionsFromEnv } from "@/lib/jobs/tick-options";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export const dynamic = "force-dynamic";

/** Vercel Cron, every minute (vercel.json): `Authorization: Bearer $CRON_SECRET`. */
export async function GET(request: Request): Promise<Response> {
  const config = whatsappPlatformConfig();
  if (!config.cronSecret)
    return Response.json({ message: "CRON_SECRET is not set" }, { status: 503 });
  if (!isAuthorizedCronRequest(request.headers.get("authorization"), config.cronSecret)) {
    return Response.json({ message: "Unauthorized" }, { status: 401 });
  }
  const report = await tick(await getDb(), config, tickOptionsFromEnv());
  return Response.json(report);
}
