"use client";

import { useEffect, useRef, useState } from "react";
import { ChoiceOptions } from "@/components/forms/choice-options";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { LANGUAGE_NAMES, SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import type { StoreSettings } from "@/lib/stores/settings";
import { widgetDataAttributes } from "@/lib/widget/attributes";
import { escapeAttribute } from "@/lib/widget/snippet";

type PreviewState = "now" | "open" | "closed";

const CLOSED_ALL_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

const LANGUAGE_CHOICES = SHOPPER_LANGUAGES.map((language) => ({
  value: language,
  label: LANGUAGE_NAMES[language],
}));

/** A stand-in page that loads the real /widget.js with the form's current settings. */
function previewDocument(attributes: Record<string, string>, lang: ShopperLanguage): string {
  const data = Object.entries(attributes)
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(" ");
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>body{margin:16px;font:14px system-ui;color:#888}.line{height:10px;margin:10px 0;border-radius:5px;background:#eee}</style></head><body><div class="line" style="width:60%"></div><div class="line"></div><div class="line" style="width:80%"></div><script src="/widget.js" ${data} async></script></body></html>`;
}

/**
 * Live preview: an iframe whose page embeds the actual widget.js with the settings being
 * edited. Links inside it are stopped before they navigate, so trying the preview records no
 * clicks (the desktop panel still opens, and its QR image is the real one).
 */
export function WidgetPreview({
  store,
  settings,
  t,
}: {
  store: { slug: string; timezone: string };
  settings: Pick<StoreSettings, "widget" | "businessHours">;
  t: DashboardMessages["widgetPage"];
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [lang, setLang] = useState<ShopperLanguage>("en");
  const [state, setState] = useState<PreviewState>("now");
  const [srcDoc, setSrcDoc] = useState("");

  useEffect(() => {
    const attributes = widgetDataAttributes(
      { slug: store.slug, timezone: store.timezone },
      {
        ...settings,
        businessHours: {
          ...settings.businessHours,
          // "open": no schedule at all; "closed": a schedule with no opening hours.
          enabled: state === "now" ? settings.businessHours.enabled : state === "closed",
          days: state === "closed" ? CLOSED_ALL_WEEK : settings.businessHours.days,
        },
      },
      { lang },
    );
    // Settle typing before reloading the frame.
    const timer = setTimeout(() => setSrcDoc(previewDocument(attributes, lang)), 250);
    return () => clearTimeout(timer);
  }, [store.slug, store.timezone, settings, lang, state]);

  function stopNavigation() {
    const view = frame.current?.contentWindow;
    view?.addEventListener(
      "click",
      (event) => {
        if (event.composedPath().some((node) => (node as Element).localName === "a")) {
          event.preventDefault();
        }
      },
      true,
    );
  }

  return (
    <div className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={t.previewLanguage}>
          <NativeSelect
            value={lang}
            onChange={(event) => setLang(event.target.value as ShopperLanguage)}
          >
            <ChoiceOptions choices={LANGUAGE_CHOICES} />
          </NativeSelect>
        </FormField>
        <FormField label={t.showAs}>
          <NativeSelect
            value={state}
            onChange={(event) => setState(event.target.value as PreviewState)}
          >
            <option value="now">{t.showAsChoices.now}</option>
            <option value="open">{t.showAsChoices.open}</option>
            <option value="closed">{t.showAsChoices.closed}</option>
          </NativeSelect>
        </FormField>
      </div>
      <iframe
        ref={frame}
        title={t.previewTitle}
        data-testid="widget-preview"
        srcDoc={srcDoc}
        onLoad={stopNavigation}
        sandbox="allow-scripts allow-same-origin"
        className="h-[440px] w-full rounded-md border bg-white"
      />
      <p className="text-xs text-muted-foreground">{t.previewHelp}</p>
    </div>
  );
}
