import "server-only";
import { env } from "@/lib/env";
import type { WhatsAppPlatformConfig } from "./channel";

/** The WhatsApp settings of this deployment, from the one validated env. */
export function whatsappPlatformConfig(): WhatsAppPlatformConfig & {
  verifyToken: string | undefined;
  cronSecret: string | undefined;
} {
  const settings = env();
  return {
    graphApiUrl: settings.WHATSAPP_GRAPH_API_URL,
    platformAccessToken: settings.WHATSAPP_ACCESS_TOKEN,
    platformAppSecret: settings.WHATSAPP_APP_SECRET,
    platformPhoneNumbers: settings.WHATSAPP_PHONE_NUMBERS,
    sandbox: settings.WHATSAPP_SANDBOX,
    nodeEnv: settings.NODE_ENV,
    encryptionKey: settings.ENCRYPTION_KEY,
    verifyToken: settings.WHATSAPP_VERIFY_TOKEN,
    cronSecret: settings.CRON_SECRET,
  };
}
