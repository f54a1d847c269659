import { Badge } from "@/components/ui/badge";
import type { AttributionSummary } from "@/lib/conversations/attribution-summary";
import { type DashboardMessages, formatMessage, wordFor } from "@/lib/dashboard-i18n/messages";
import { sourceLabel } from "@/lib/inbox/display";

/** "Started from: Shop QR code · Shop card — Gion store · ref K7Q2M", or Unattributed. */
export function AttributionNote({
  attribution,
  t,
  sources,
}: {
  attribution: AttributionSummary;
  t: Pick<DashboardMessages["simulator"], "startedFrom" | "ref">;
  sources: DashboardMessages["sources"];
}) {
  const details = [
    attribution.qrCodeName,
    attribution.productName,
    attribution.adHeadline,
    attribution.ref ? formatMessage(t.ref, { ref: attribution.ref }) : null,
  ].filter(Boolean);
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="attribution">
      <span className="text-muted-foreground">{t.startedFrom}</span>
      <Badge variant={attribution.source === "unattributed" ? "outline" : "info"}>
        {wordFor(sources, attribution.source, sourceLabel(attribution.source))}
      </Badge>
      {details.length > 0 ? <span>{details.join(" · ")}</span> : null}
    </p>
  );
}
