import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { QR_EC_LEVELS } from "@/lib/qr/render";

const SIZES = [256, 512, 1024, 2048] as const;
const EC_LABELS = {
  L: "L — smallest code (7 % recovery)",
  M: "M — standard (15 %)",
  Q: "Q — sturdier (25 %)",
  H: "H — for worn or partly covered prints (30 %)",
} as const;

/** A plain GET form onto the image route: works without JavaScript. */
export function QrImageDownload({ storeSlug, code }: { storeSlug: string; code: string }) {
  return (
    <form
      method="get"
      action={`/qr/${encodeURIComponent(storeSlug)}`}
      target="_blank"
      className="grid gap-3"
    >
      <input type="hidden" name="qr" value={code} />
      <FormField label="Format">
        <NativeSelect name="format" defaultValue="png">
          <option value="png">PNG</option>
          <option value="svg">SVG (for print shops)</option>
        </NativeSelect>
      </FormField>
      <FormField label="Size">
        <NativeSelect name="size" defaultValue="1024">
          {SIZES.map((size) => (
            <option key={size} value={size}>
              {size} × {size} px
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label="Error correction">
        <NativeSelect name="ec" defaultValue="M">
          {QR_EC_LEVELS.map((level) => (
            <option key={level} value={level}>
              {EC_LABELS[level]}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <Button type="submit" variant="outline">
        Open image
      </Button>
    </form>
  );
}
