/** Number of minor-unit digits of an ISO 4217 currency (JPY 0, USD 2, KWD 3). */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

// Building an Intl.NumberFormat costs far more than using one; the pairs in use are few.
const moneyFormatters = new Map<string, { digits: number; format: Intl.NumberFormat }>();

/** Formats an integer amount in minor units: (280000, "JPY", "ja") → "￥280,000". */
export function formatMoney(minor: number, currency: string, locale = "en"): string {
  const key = `${locale}|${currency}`;
  let entry = moneyFormatters.get(key);
  if (!entry) {
    const digits = currencyDigits(currency);
    const format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    entry = { digits, format };
    if (moneyFormatters.size < 500) moneyFormatters.set(key, entry);
  }
  return entry.format.format(minor / 10 ** entry.digits);
}

/** Compact form for chart axes: 1234500 JPY → "¥1.2M". */
export function formatMoneyCompact(minor: number, currency: string, locale = "en"): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(minor / 10 ** digits);
}
