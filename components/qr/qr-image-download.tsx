import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { QR_EC_LEVELS } from "@/lib/qr/render";

const SIZES = [256, 512, 1024, 2048] as const;

/** A plain GET form onto the image route: works without JavaScript. */
export function QrImageDownload({
  storeSlug,
  code,
  t,
}: {
  storeSlug: string;
  code: string;
  t: DashboardMessages["qrCodes"]["detail"];
}) {
  return (
    <form
      method="get"
      action={`/qr/${encodeURIComponent(storeSlug)}`}
      target="_blank"
      className="grid gap-3"
    >
      <input type="hidden" name="qr" value={code} />
      <FormField label={t.format}>
        <NativeSelect name="format" defaultValue="png">
          <option value="png">PNG</option>
          <option value="svg">{t.svgForPrint}</option>
        </NativeSelect>
      </FormField>
      <FormField label={t.size}>
        <NativeSelect name="size" defaultValue="1024">
          {SIZES.map((size) => (
            <option key={size} value={size}>
              {size} × {size} px
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label={t.errorCorrection}>
        <NativeSelect name="ec" defaultValue="M">
          {QR_EC_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t.ecLevels[level]}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <Button type="submit" variant="outline">
        {t.openImage}
      </Button>
    </form>
  );
}
