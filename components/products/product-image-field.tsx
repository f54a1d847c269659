"use client";

import Image from "next/image";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  checkImageUrl,
  IMAGE_ACCEPT,
  IMAGE_TYPES,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_LABEL,
} from "@/lib/catalog/images";
import { type DashboardMessages, formatMessage } from "@/lib/dashboard-i18n/messages";

const ACCEPTED_MIME_TYPES = new Set<string>(Object.values(IMAGE_TYPES).map((type) => type.mime));

/**
 * The product image: an uploaded file (development only) or an address. The browser checks
 * size and type early to save a round trip; the server checks the file's bytes again.
 */
export function ProductImageField({
  currentUrl,
  uploadsEnabled,
  urlError,
  fileError,
  onFileProblem,
  t,
}: {
  currentUrl: string;
  uploadsEnabled: boolean;
  urlError?: string[];
  fileError?: string | string[];
  onFileProblem: (message: string | undefined) => void;
  t: DashboardMessages["productForm"];
}) {
  const preview = currentUrl ? checkImageUrl(currentUrl) : undefined;
  return (
    <div className="grid gap-4 rounded-lg border p-4">
      <div className="flex items-center gap-4">
        {preview?.ok ? (
          <Image
            src={preview.url}
            alt={t.currentImage}
            width={80}
            height={80}
            unoptimized
            className="size-20 rounded-md border bg-muted object-cover"
          />
        ) : (
          <div className="flex size-20 items-center justify-center rounded-md border border-dashed text-xs text-muted-foreground">
            {t.noImage}
          </div>
        )}
        <p className="text-sm text-muted-foreground">
          {uploadsEnabled
            ? formatMessage(t.uploadHelp, { max: MAX_IMAGE_LABEL })
            : t.addressOnlyHelp}
        </p>
      </div>
      {uploadsEnabled ? (
        <FormField label={t.upload} error={fileError}>
          <Input
            type="file"
            name="imageFile"
            accept={IMAGE_ACCEPT}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              let problem: string | undefined;
              if (file && file.size > MAX_IMAGE_BYTES) {
                problem = formatMessage(t.errors.imageTooLarge, { max: MAX_IMAGE_LABEL });
              } else if (file && file.type && !ACCEPTED_MIME_TYPES.has(file.type)) {
                problem =
                  file.type === "image/svg+xml" ? t.errors.svgChosen : t.errors.chooseImageType;
              }
              if (problem) event.currentTarget.value = "";
              onFileProblem(problem);
            }}
          />
        </FormField>
      ) : null}
      <FormField label={t.imageAddress} description={t.imageAddressHelp} error={urlError}>
        <Input
          name="imageUrl"
          type="text"
          inputMode="url"
          autoComplete="off"
          defaultValue={currentUrl}
          placeholder="https://"
        />
      </FormField>
    </div>
  );
}
