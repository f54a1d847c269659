"use client";

import { useActionState, useState } from "react";
import { createProductAction } from "@/app/(dashboard)/dashboard/products/actions/create-product";
import { updateProductAction } from "@/app/(dashboard)/dashboard/products/actions/update-product";
import { FormStatus, fieldErrors, submittedValues } from "@/components/settings/form-status";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ProductFormValues } from "@/lib/catalog/product-schema";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";
import { type ActionState, idleState } from "@/lib/forms/action-state";
import type { ShopperLanguage } from "@/lib/i18n/languages";
import { ProductImageField } from "./product-image-field";
import { ProductTranslationFields } from "./product-translation-fields";

/** Create (no productId) or edit a product. Prices are typed in major units of `currency`. */
export function ProductForm({
  productId,
  initial,
  currency,
  priceExample,
  uploadsEnabled,
  readOnly,
  languages,
  t,
  forms,
}: {
  productId?: string;
  initial: ProductFormValues;
  currency: string;
  priceExample: string;
  uploadsEnabled: boolean;
  readOnly: boolean;
  /** The languages offered for translations: the store's others (translationLanguages). */
  languages: readonly ShopperLanguage[];
  t: DashboardMessages["productForm"];
  forms: Pick<DashboardMessages["forms"], "saving" | "otherLanguages" | "optional">;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    productId ? updateProductAction : createProductAction,
    idleState,
  );
  const [clientImageError, setClientImageError] = useState<string>();
  const errors = fieldErrors(state);
  // After a failed save the form shows what was typed; otherwise what is stored.
  const submitted = submittedValues(state);
  const failed = state.status === "error" && Object.keys(submitted).length > 0;
  const values = {
    ...initial,
    ...submitted,
    active: failed ? submitted.active === "on" : initial.active,
  };
  return (
    <form
      action={action}
      className="grid gap-5"
      noValidate
      key={JSON.stringify(initial)}
      onSubmit={(event) => {
        if (clientImageError) event.preventDefault();
      }}
    >
      {productId ? <input type="hidden" name="productId" value={productId} /> : null}
      <fieldset disabled={readOnly} className="grid gap-5">
        {/* No maxLength: the browser would cut a pasted name silently; the field says so instead. */}
        <FormField label={t.name} description={t.nameHelp} error={errors.name}>
          <Input name="name" defaultValue={values.name} required />
        </FormField>
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField
            label={formatMessage(t.price, { currency })}
            description={formatMessage(t.priceHelp, { currency, example: priceExample })}
            error={errors.price}
          >
            <Input
              name="price"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={values.price}
              placeholder={priceExample}
              required
            />
          </FormField>
          <FormField label={t.sku} description={t.skuHelp} error={errors.sku}>
            <Input
              name="sku"
              autoComplete="off"
              defaultValue={values.sku}
              maxLength={64}
              required
            />
          </FormField>
        </div>
        <FormField label={t.slug} description={t.slugHelp} error={errors.slug}>
          <Input name="slug" autoComplete="off" defaultValue={values.slug} maxLength={80} />
        </FormField>
        <FormField label={t.description} error={errors.description}>
          <Textarea
            name="description"
            rows={5}
            defaultValue={values.description}
            maxLength={5000}
          />
        </FormField>
        <ProductTranslationFields
          languages={languages}
          values={values}
          errors={errors}
          t={t}
          labels={forms}
        />
        <ProductImageField
          currentUrl={values.imageUrl}
          uploadsEnabled={uploadsEnabled}
          urlError={errors.imageUrl}
          fileError={clientImageError ?? errors.imageFile}
          onFileProblem={setClientImageError}
          t={t}
        />
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            name="active"
            defaultChecked={values.active}
            className="mt-0.5 size-4 accent-primary"
          />
          <span>
            <span className="font-medium">{t.active}</span>
            <span className="block text-muted-foreground">{t.activeHelp}</span>
          </span>
        </label>
      </fieldset>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending || readOnly}>
          {pending ? forms.saving : productId ? t.save : t.create}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
