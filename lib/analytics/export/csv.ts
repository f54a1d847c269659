import { currencyDigits } from "@/lib/money/format";

/**
 * RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Japanese
 * correctly), CRLF line ends, fields quoted when they hold a comma, quote, CR or LF.
 *
 * Formula injection: a text cell beginning with `=`, `+`, `-`, `@`, tab or CR would be run
 * as a formula by Excel, LibreOffice and Google Sheets. Every text cell (`string`) that
 * begins with one of them gets a leading apostrophe. Numbers are written as numbers and never
 * altered, so a negative amount stays a number: only values the export itself computes
 * (counts, amounts via `decimal()`) are numbers; names, refs and anything a customer or owner
 * typed are text.
 */
export type CsvNumber = { readonly csvNumber: string };
export type CsvCell = string | number | CsvNumber | null | undefined;

export const CSV_BOM = "\uFEFF";
export const CSV_LINE_END = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe to open in a spreadsheet. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function encodeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new Error(`not a CSV number: ${cell}`);
    return String(cell);
  }
  if (typeof cell === "object") return cell.csvNumber;
  return quote(neutraliseText(cell));
}

export function encodeRow(cells: readonly CsvCell[]): string {
  return cells.map(encodeCell).join(",") + CSV_LINE_END;
}

// currencyDigits() builds an Intl.NumberFormat: far too slow for every cell of a big export.
const digitsByCurrency = new Map<string, number>();
function digitsOf(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = currencyDigits(currency);
    if (digitsByCurrency.size < 500) digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * An amount in minor units as a decimal number of major units: (123456, "USD") → 1234.56,
 * (-500, "JPY") → -500. Exact (string arithmetic, no floating point).
 */
export function decimal(minor: number, currency: string): CsvNumber {
  if (!Number.isSafeInteger(minor)) throw new Error(`not an amount in minor units: ${minor}`);
  const digits = digitsOf(currency);
  if (digits === 0) return { csvNumber: String(minor) };
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return { csvNumber: `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` };
}

/**
 * A CSV file as a byte stream that asks `nextPage` for more rows only when the reader wants
 * them (pull-based, one page buffered at most), so an export of any size holds one page in
 * memory. `nextPage` returns the encoded rows of a page and whether there is more.
 */
export function csvStream(
  header: readonly CsvCell[],
  nextPage: () => Promise<{ rows: readonly (readonly CsvCell[])[]; done: boolean }>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(CSV_BOM + encodeRow(header)));
          return;
        }
        // A pull that enqueues nothing is not called again: skip empty pages here.
        while (!finished) {
          const page = await nextPage();
          if (page.done) finished = true;
          if (page.rows.length > 0) {
            controller.enqueue(encoder.encode(page.rows.map(encodeRow).join("")));
          }
          if (finished) controller.close();
          else if (page.rows.length > 0) return;
        }
      },
    },
    { highWaterMark: 1 },
  );
}
