import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TriangleAlert } from "lucide-react";
import { RecoverySettingsForm } from "@/components/recovery/recovery-settings-form";
import { Badge } from "@/components/ui/badge";
import { requireMember } from "@/lib/auth/current-member";
import { localizedName } from "@/lib/catalog/translations";
import { listActiveProducts } from "@/lib/catalog/products";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { SHOPPER_LANGUAGES } from "@/lib/i18n/languages";
import { listMessageTemplates } from "@/lib/inbox/snippets";
import { exampleOrderMinor } from "@/lib/loyalty/example";
import { paymentLinkOrigin } from "@/lib/payments/link-origin";
import { paymentLinkUrl } from "@/lib/payments/payment-link";
import { sampleLines } from "@/lib/recovery/preview";
import { loadRecoveryProgram } from "@/lib/recovery/program";
import { unavailableTemplateSteps } from "@/lib/recovery/save-settings";
import { recoveryFormValues } from "@/lib/recovery/settings-form";
import { appOrigin } from "@/lib/server/app-origin";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.recoverySettings.title };
}

export default async function RecoverySettingsPage() {
  const { db, store, role } = await requireMember();
  const strings = await getDashboardStrings();
  const program = await loadRecoveryProgram(db, store.id);
  if (!program) notFound();
  const [templates, products, unavailable] = await Promise.all([
    listMessageTemplates(db, store.id),
    listActiveProducts(db, store.id),
    unavailableTemplateSteps(db, store.id, program.settings),
  ]);
  const t = strings.t.recoverySettings;
  const readOnly = role !== "owner";
  const origin = paymentLinkOrigin() ?? appOrigin(await headers());
  const sample = {
    lines: sampleLines(
      products.map((product) => ({
        priceMinor: product.priceMinor,
        names: Object.fromEntries(
          SHOPPER_LANGUAGES.map((language) => [language, localizedName(product, language)]),
        ) as Record<(typeof SHOPPER_LANGUAGES)[number], string>,
      })),
      exampleOrderMinor(program.currency),
    ),
    currency: program.currency,
    timezone: program.timezone,
    link: paymentLinkUrl(origin, "sample"),
    now: new Date(),
  };
  return (
    <div className="grid max-w-6xl min-w-0 gap-6">
      <div className="grid gap-1">
        <Link href="/dashboard/recovery" className="text-sm text-muted-foreground hover:underline">
          {t.back}
        </Link>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          {t.title}
          <Badge variant={program.enabled ? "default" : "outline"} data-testid="recovery-status">
            {program.enabled ? t.status.on : t.status.off}
          </Badge>
        </h1>
        <p className="text-sm text-muted-foreground">
          {formatMessage(t.intro, { timezone: program.timezone })}
        </p>
        {program.saved ? null : <p className="text-sm text-muted-foreground">{t.notSaved}</p>}
        {readOnly ? <p className="text-sm text-muted-foreground">{t.readOnly}</p> : null}
      </div>
      {unavailable.length > 0 ? (
        <div
          role="alert"
          data-testid="template-warning"
          className="grid gap-2 rounded-lg border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm"
        >
          <p className="flex items-center gap-2 font-medium">
            <TriangleAlert className="size-4 shrink-0" aria-hidden />
            {t.warning.title}
          </p>
          <p>{formatMessage(t.warning.body, { steps: unavailable.join(", ") })}</p>
        </div>
      ) : null}
      <RecoverySettingsForm
        initial={recoveryFormValues(program, program.currency)}
        currency={program.currency}
        memberLanguage={strings.language}
        templates={templates}
        sample={sample}
        readOnly={readOnly}
        words={t}
        savingLabel={strings.t.forms.saving}
      />
    </div>
  );
}
