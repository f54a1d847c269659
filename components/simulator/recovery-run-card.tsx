"use client";

import { TimerReset } from "lucide-react";
import { useActionState, useState, useSyncExternalStore } from "react";
import { runRecoveryNowAction } from "@/app/(dashboard)/dashboard/simulator/actions/run-recovery-now";
import { switchRecoveryOnAction } from "@/app/(dashboard)/dashboard/simulator/actions/switch-recovery-on";
import { FormStatus } from "@/components/settings/form-status";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";

const QUICK_HOURS = [1, 3, 24, 72] as const;
const HOUR_MS = 60 * 60 * 1000;

/** A `datetime-local` value (browser time) `hours` from now, to the minute. */
function localInputValue(hours: number): string {
  const at = new Date(Date.now() + hours * HOUR_MS);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

const noSubscription = () => () => undefined;

/**
 * The Simulator's sandbox control for cart recovery (owners only): switch it on when it is
 * off, then run this store's due recovery work as of a chosen time, so a left cart's
 * reminder arrives in the simulated chat without waiting hours.
 */
export function RecoveryRunCard({
  enabled,
  t,
}: {
  enabled: boolean;
  t: DashboardMessages["simulatorRecovery"];
}) {
  return (
    <Card data-testid="recovery-run">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <TimerReset className="size-5" aria-hidden />
          {t.title}
          <Badge variant="outline" data-testid="recovery-run-sandbox">
            {t.sandbox}
          </Badge>
        </CardTitle>
        <CardDescription>{t.description}</CardDescription>
      </CardHeader>
      <CardContent>{enabled ? <RunForm t={t} /> : <SwitchOnForm t={t} />}</CardContent>
    </Card>
  );
}

function SwitchOnForm({ t }: { t: DashboardMessages["simulatorRecovery"] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    switchRecoveryOnAction,
    idleState,
  );
  return (
    <form action={action} className="grid gap-2 text-sm">
      <p>{t.off}</p>
      <p className="text-muted-foreground">{t.switchOnHelp}</p>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {t.switchOn}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

function RunForm({ t }: { t: DashboardMessages["simulatorRecovery"] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    runRecoveryNowAction,
    idleState,
  );
  // The default comes from the browser's clock and zone, so the server renders none.
  const suggested = useSyncExternalStore(
    noSubscription,
    () => localInputValue(3),
    () => "",
  );
  const [chosen, setLocal] = useState<string | null>(null);
  const local = chosen ?? suggested;
  const asOf = local ? new Date(local) : null;
  return (
    <form action={action} className="grid gap-3">
      <div className="grid gap-2">
        <Label htmlFor="recovery-run-as-of">{t.asOf}</Label>
        <Input
          id="recovery-run-as-of"
          type="datetime-local"
          required
          value={local}
          onChange={(event) => setLocal(event.target.value)}
        />
        <input
          type="hidden"
          name="asOf"
          value={asOf && !Number.isNaN(asOf.getTime()) ? asOf.toISOString() : ""}
        />
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <span>{t.asOfHelp}</span>
          {QUICK_HOURS.map((hours) => (
            <Button
              key={hours}
              type="button"
              variant="outline"
              size="sm"
              onClick={() => setLocal(localInputValue(hours))}
            >
              {formatMessage(t.ahead, { hours: String(hours) })}
            </Button>
          ))}
        </div>
      </div>
      <div>
        <Button type="submit" size="sm" disabled={pending || !local}>
          {pending ? t.running : t.run}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
