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
}: {
  currentUrl: string;
  uploadsEnabled: boolean;
  urlError?: string[];
  fileError?: string | string[];
  onFileProblem: (message: string | undefined) => void;
}) {
  const preview = currentUrl ? checkImageUrl(currentUrl) : undefined;
  return (
    <div className="grid gap-4 rounded-lg border p-4">
      <div className="flex items-center gap-4">
        {preview?.ok ? (
          <Image
            src={preview.url}
            alt="Current product image"
            width={80}
            height={80}
            unoptimized
            className="size-20 rounded-md border bg-muted object-cover"
          />
        ) : (
          <div className="flex size-20 items-center justify-center rounded-md border border-dashed text-xs text-muted-foreground">
            No image
          </div>
        )}
        <p className="text-sm text-muted-foreground">
          {uploadsEnabled
            ? `Upload a PNG, JPEG, WebP or GIF up to ${MAX_IMAGE_LABEL}, or enter an image address. An upload replaces the address.`
            : "Enter an https:// image address. Uploads are only available while developing locally, because this server cannot store files."}
        </p>
      </div>
      {uploadsEnabled ? (
        <FormField label="Upload an image" error={fileError}>
          <Input
            type="file"
            name="imageFile"
            accept={IMAGE_ACCEPT}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              let problem: string | undefined;
              if (file && file.size > MAX_IMAGE_BYTES) {
                problem = `This image is larger than ${MAX_IMAGE_LABEL}; use a smaller one`;
              } else if (file && file.type && !ACCEPTED_MIME_TYPES.has(file.type)) {
                problem =
                  file.type === "image/svg+xml"
                    ? "SVG files can't be uploaded because they can carry scripts. Use a PNG, JPEG, WebP or GIF."
                    : "Choose a PNG, JPEG, WebP or GIF image";
              }
              if (problem) event.currentTarget.value = "";
              onFileProblem(problem);
            }}
          />
        </FormField>
      ) : null}
      <FormField
        label="Image address"
        description="https://… or a path such as /products/matcha.svg. Clear it to remove the image."
        error={urlError}
      >
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
