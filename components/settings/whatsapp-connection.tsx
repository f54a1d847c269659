import { Badge } from "@/components/ui/badge";
import type { WhatsAppConnectionStatus } from "@/lib/stores/settings-view";

/** Where this store's messages go now, and the webhook address to give Meta. */
export function WhatsappConnection({
  channel,
  webhookUrl,
}: {
  channel: WhatsAppConnectionStatus;
  webhookUrl: string;
}) {
  return (
    <div className="grid gap-3 rounded-md border p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Status</span>
        {channel.mode === "graph" ? (
          <Badge variant="success">Connected to WhatsApp</Badge>
        ) : channel.mode === "sandbox" ? (
          <Badge variant="warning">Sandbox — replies go to the simulator</Badge>
        ) : (
          <Badge variant="destructive">Not connected</Badge>
        )}
      </div>
      {channel.mode === "unconfigured" ? (
        <p className="text-muted-foreground">{channel.reason}</p>
      ) : null}
      {channel.mode === "sandbox" ? (
        <p className="text-muted-foreground">
          No access token is set, so nothing reaches real phones. Try the bot in Dashboard →
          Simulator.
        </p>
      ) : null}
      <div className="grid gap-1">
        <span className="font-medium">Webhook callback URL</span>
        <code className="break-all rounded bg-muted px-2 py-1 text-xs">{webhookUrl}</code>
        <span className="text-muted-foreground">
          In your Meta app: WhatsApp → Configuration → Webhook, subscribe to the{" "}
          <code>messages</code> field.
        </span>
      </div>
    </div>
  );
}
