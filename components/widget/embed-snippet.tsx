"use client";

import { Check, Copy } from "lucide-react";
import { useMemo, useState } from "react";
import { ChoiceOptions } from "@/components/forms/choice-options";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Message } from "@/components/dashboard/message";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import type { Choice } from "@/lib/stores/choices";
import { LANGUAGE_NAMES, SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import type { SnippetAttributesByLanguage } from "@/lib/widget/attributes";
import { widgetSnippet } from "@/lib/widget/snippet";

/** Placeholder origin when the app cannot tell its public address (APP_URL unset). */
const UNKNOWN_ORIGIN = "https://your-chatcart-app.example";

/**
 * The one-line embed snippet of the saved settings, with product and page-language options
 * and a Copy button.
 */
export function EmbedSnippet({
  origin,
  attributesByLanguage,
  products,
  hoursEnabled,
  t,
}: {
  origin: string | null;
  attributesByLanguage: SnippetAttributesByLanguage;
  products: Choice[];
  hoursEnabled: boolean;
  t: DashboardMessages["widgetPage"];
}) {
  const [product, setProduct] = useState("");
  const [language, setLanguage] = useState<"" | ShopperLanguage>("");
  const attributes = attributesByLanguage[language];
  const [copied, setCopied] = useState(false);
  const snippet = useMemo(
    () =>
      widgetSnippet(origin ?? UNKNOWN_ORIGIN, {
        ...attributes,
        ...(product ? { "data-product": product } : {}),
      }),
    [origin, attributes, product],
  );

  async function copy() {
    await navigator.clipboard.writeText(snippet);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t.snippetTitle}</CardTitle>
        <CardDescription>
          <Message template={t.snippetHelp} values={{ body: <code>&lt;/body&gt;</code> }} />
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FormField label={t.snippetProduct} description={t.snippetProductHelp}>
          <NativeSelect value={product} onChange={(event) => setProduct(event.target.value)}>
            <option value="">{t.snippetNoProduct}</option>
            <ChoiceOptions choices={products} />
          </NativeSelect>
        </FormField>
        <FormField label={t.snippetLanguage} description={t.snippetLanguageHelp}>
          <NativeSelect
            value={language}
            data-testid="snippet-language"
            onChange={(event) => setLanguage(event.target.value as "" | ShopperLanguage)}
          >
            <option value="">{t.anyLanguage}</option>
            {SHOPPER_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <pre
          data-testid="widget-snippet"
          className="max-h-48 overflow-auto rounded-md border bg-muted p-3 text-xs break-all whitespace-pre-wrap"
        >
          <code>{snippet}</code>
        </pre>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="outline" onClick={copy}>
            {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
            {copied ? t.copied : t.copy}
          </Button>
          <span role="status" className="sr-only">
            {copied ? t.copiedStatus : ""}
          </span>
        </div>
        {origin ? null : <p className="text-sm text-destructive">{t.noOrigin}</p>}
        {hoursEnabled ? <p className="text-sm text-muted-foreground">{t.hoursInSnippet}</p> : null}
      </CardContent>
    </Card>
  );
}
