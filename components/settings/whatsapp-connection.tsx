import { Badge } from "@/components/ui/badge";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { WhatsAppConnectionStatus } from "@/lib/stores/settings-view";

/** Where this store's messages go now, and the webhook address to give Meta. */
export function WhatsappConnection({
  channel,
  webhookUrl,
  t,
}: {
  channel: WhatsAppConnectionStatus;
  webhookUrl: string;
  t: DashboardMessages["settings"]["whatsapp"];
}) {
  const [beforeField, afterField = ""] = t.webhookHelp.split("{field}");
  return (
    <div className="grid gap-3 rounded-md border p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t.status}</span>
        {channel.mode === "graph" ? (
          <Badge variant="success">{t.connected}</Badge>
        ) : channel.mode === "sandbox" ? (
          <Badge variant="warning">{t.sandbox}</Badge>
        ) : (
          <Badge variant="destructive">{t.notConnected}</Badge>
        )}
      </div>
      {channel.mode === "unconfigured" ? (
        <p className="text-muted-foreground">{channel.reason}</p>
      ) : null}
      {channel.mode === "sandbox" ? <p className="text-muted-foreground">{t.sandboxHelp}</p> : null}
      <div className="grid gap-1">
        <span className="font-medium">{t.webhookUrl}</span>
        <code className="break-all rounded bg-muted px-2 py-1 text-xs">{webhookUrl}</code>
        <span className="text-muted-foreground">
          {beforeField}
          <code>messages</code>
          {afterField}
        </span>
      </div>
    </div>
  );
}
