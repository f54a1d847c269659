"use client";

import { Check, Copy } from "lucide-react";
import { useMemo, useState } from "react";
import { ChoiceOptions } from "@/components/forms/choice-options";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
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
}: {
  origin: string | null;
  attributesByLanguage: SnippetAttributesByLanguage;
  products: Choice[];
  hoursEnabled: boolean;
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
        <CardTitle>Embed snippet</CardTitle>
        <CardDescription>
          Paste it into any page, just before <code>&lt;/body&gt;</code>. It reflects your saved
          settings.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FormField
          label="Product (for a product page)"
          description="Names the product in the shopper's first message."
        >
          <NativeSelect value={product} onChange={(event) => setProduct(event.target.value)}>
            <option value="">None — store-wide</option>
            <ChoiceOptions choices={products} />
          </NativeSelect>
        </FormField>
        <FormField
          label="Language of the page"
          description="Your label, greeting and offline note in that language (where you wrote them), and the widget's own words. Any language: the widget's words follow the page; yours are the default ones."
        >
          <NativeSelect
            value={language}
            data-testid="snippet-language"
            onChange={(event) => setLanguage(event.target.value as "" | ShopperLanguage)}
          >
            <option value="">Any language</option>
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
            {copied ? "Copied" : "Copy snippet"}
          </Button>
          <span role="status" className="sr-only">
            {copied ? "Snippet copied to the clipboard." : ""}
          </span>
        </div>
        {origin ? null : (
          <p className="text-sm text-destructive">
            Set APP_URL to this app&apos;s public address so the snippet points at it.
          </p>
        )}
        {hoursEnabled ? (
          <p className="text-sm text-muted-foreground">
            Your business hours travel inside the snippet (the widget loads nothing else until a
            shopper taps it). After changing them, copy the snippet again for other sites; this
            app&apos;s own pages always use the current settings.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
