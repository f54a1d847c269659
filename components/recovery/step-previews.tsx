import { WhatsappText } from "@/components/inbox/whatsapp-text";
import { BUBBLE, CHAT_WALLPAPER, STORE_BUBBLE } from "@/components/simulator/bubble-styles";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { formatMessage } from "@/lib/i18n/messages";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import type { StepPreview } from "@/lib/recovery/preview";
import { cn } from "@/lib/utils";

type Words = DashboardMessages["recoverySettings"];

/** "1 hour", "3日": a step's delay in its largest whole unit, in the member's language. */
function delayWords(minutes: number, language: string): string {
  const [amount, unit] =
    minutes % 1440 === 0
      ? [minutes / 1440, "day"]
      : minutes % 60 === 0
        ? [minutes / 60, "hour"]
        : [minutes, "minute"];
  return new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "long" }).format(
    amount,
  );
}

function Bubble({ text, testId }: { text: string; testId: string }) {
  return (
    <div className={cn(BUBBLE, STORE_BUBBLE)} data-testid={testId}>
      <p className="px-3 py-2 text-sm break-words whitespace-pre-line">
        <WhatsappText text={text} />
      </p>
    </div>
  );
}

/** Each reminder in one shopper language, as WhatsApp shows it, inside and outside the window. */
export function StepPreviews({
  previews,
  language,
  memberLanguage,
  words,
}: {
  previews: { delayMinutes: number; preview: StepPreview }[];
  language: ShopperLanguage;
  memberLanguage: string;
  words: Words;
}) {
  const p = words.preview;
  return (
    <ol className="grid gap-4">
      {previews.map(({ delayMinutes, preview }, index) => (
        <li key={index} className="grid gap-2" data-testid="step-preview" lang={language}>
          <p className="text-sm font-medium">
            {formatMessage(words.step, { number: index + 1 })} ·{" "}
            <span className="font-normal text-muted-foreground">
              {formatMessage(p.sentAfter, { delay: delayWords(delayMinutes, memberLanguage) })}
            </span>
          </p>
          <div className={cn("grid gap-3 rounded-lg p-3", CHAT_WALLPAPER)}>
            <p className="text-xs text-muted-foreground">{p.freeForm}</p>
            {preview.freeForm ? (
              <>
                <Bubble text={preview.freeForm.text} testId="preview-free-form" />
                {preview.freeForm.fallbackLanguage ? (
                  <p className="text-xs text-muted-foreground">
                    {formatMessage(p.fallback, {
                      language: words.languages[language],
                      used: words.languages[preview.freeForm.fallbackLanguage],
                    })}
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-xs text-muted-foreground">{p.noText}</p>
            )}
            {preview.template?.status === "ready" ? (
              <>
                <p className="text-xs text-muted-foreground">
                  {formatMessage(p.template, preview.template)}
                </p>
                <Bubble text={preview.template.text} testId="preview-template" />
              </>
            ) : (
              <p
                className={cn(
                  "text-xs",
                  preview.template ? "text-destructive" : "text-muted-foreground",
                )}
              >
                {preview.template ? formatMessage(p.unavailable, preview.template) : p.noTemplate}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
