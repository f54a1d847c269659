/** Option lists for currency and time-zone pickers, labelled for people. */
export type Choice = { value: string; label: string };

export function currencyChoices(locale = "en"): Choice[] {
  const names = new Intl.DisplayNames([locale], { type: "currency" });
  return Intl.supportedValuesOf("currency").map((code) => ({
    value: code,
    label: `${code} — ${names.of(code) ?? code}`,
  }));
}

export function timeZoneChoices(): Choice[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return (zones.includes("UTC") ? zones : ["UTC", ...zones]).map((zone) => ({
    value: zone,
    label: zone.replaceAll("_", " "),
  }));
}
