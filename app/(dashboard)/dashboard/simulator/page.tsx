import { FlaskConical, PlugZap } from "lucide-react";
import Link from "next/link";
import { AttributionNote } from "@/components/conversations/attribution-note";
import { RecoveryRunCard } from "@/components/simulator/recovery-run-card";
import { SimulatorPhone } from "@/components/simulator/simulator-phone";
import { TrackedLinkHelper } from "@/components/simulator/tracked-link-helper";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { Message } from "@/components/dashboard/message";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { translateMessage } from "@/lib/dashboard-i18n/translate";
import { loadRecoveryProgram } from "@/lib/recovery/program";
import { simulatorAvailability } from "@/lib/simulator/availability";
import { DEFAULT_SIMULATOR_NAME, simulatorWaId } from "@/lib/simulator/customer";
import { prefillFromQuery } from "@/lib/simulator/prefill";
import { loadSimulatorThread } from "@/lib/simulator/thread";
import { whatsappPlatformConfig } from "@/lib/whatsapp/platform-config";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.simulator.title };
}

export default async function SimulatorPage({
  searchParams,
}: {
  searchParams: Promise<{ text?: string | string[] }>;
}) {
  const { db, store, userId, role } = await requireMember();
  const [availability, strings] = await Promise.all([
    simulatorAvailability(db, store.id, whatsappPlatformConfig()),
    getDashboardStrings(),
  ]);
  const { language } = strings;
  const t = strings.t.simulator;
  const inboxLink = (
    <Link href="/dashboard/inbox" className="font-medium text-primary hover:underline">
      {t.inbox}
    </Link>
  );
  const heading = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="max-w-3xl text-sm text-muted-foreground">
        {formatMessage(t.intro, { store: store.name })}
      </p>
    </div>
  );
  if (!availability.available) {
    const reason = availability.reason;
    const message =
      reason === "connected" || reason === "no_secret"
        ? t.unavailableReasons[reason]
        : reason === "disabled"
          ? formatMessage(t.unavailableReasons.disabled, {
              reason: translateMessage(
                availability.message.replace(/^The sandbox is disabled in production\. /, ""),
                "simulator",
                language,
              ),
            })
          : translateMessage(availability.message, "simulator", language);
    return (
      <div className="grid max-w-3xl gap-6">
        {heading}
        <Card data-testid="simulator-unavailable" data-reason={availability.reason}>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <PlugZap className="size-5" aria-hidden />
              {reason === "connected" ? t.connected : t.unavailable}
            </CardTitle>
            <CardDescription>{message}</CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            <Link href="/dashboard/settings" className="font-medium text-primary hover:underline">
              {t.whatsappSettings}
            </Link>
          </CardContent>
        </Card>
      </div>
    );
  }
  const waId = simulatorWaId(userId);
  const [thread, recovery] = await Promise.all([
    loadSimulatorThread(db, store.id, waId),
    role === "owner" ? loadRecoveryProgram(db, store.id) : null,
  ]);
  const { text } = await searchParams;
  return (
    <div className="grid max-w-5xl gap-6">
      {heading}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,24rem)_1fr]">
        <SimulatorPhone
          storeName={store.name}
          timezone={store.timezone}
          waId={waId}
          thread={thread}
          profileName={thread.customerName ?? DEFAULT_SIMULATOR_NAME}
          initialText={prefillFromQuery(text)}
          t={t}
          language={language}
        />
        <div className="grid gap-6">
          {thread.attribution ? (
            <Card>
              <CardHeader>
                <CardTitle>{t.attribution}</CardTitle>
                <CardDescription>{t.attributionHelp}</CardDescription>
              </CardHeader>
              <CardContent>
                <AttributionNote
                  attribution={thread.attribution}
                  t={t}
                  sources={strings.t.sources}
                />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                <FlaskConical className="size-5" aria-hidden />
                {t.howItWorks}
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm text-muted-foreground">
              <p>{t.howItWorksWebhook}</p>
              <p>
                <Message template={t.howItWorksInbox} values={{ waId, inbox: inboxLink }} />
              </p>
            </CardContent>
          </Card>
          {recovery ? (
            <RecoveryRunCard enabled={recovery.enabled} t={strings.t.simulatorRecovery} />
          ) : null}
          <Card>
            <CardContent>
              <TrackedLinkHelper t={t} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
