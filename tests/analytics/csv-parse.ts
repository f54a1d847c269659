/** A strict RFC 4180 reader for the export tests: CRLF records, quoted fields, no BOM. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === "") {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
      if (text[i] !== "," && text[i] !== "\r" && i < text.length) {
        throw new Error(`text after a closing quote at ${i}`);
      }
      continue;
    }
    if (char === ",") {
      record.push(field);
      field = "";
      i += 1;
    } else if (char === "\r") {
      if (text[i + 1] !== "\n") throw new Error(`bare CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (char === "\n") {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += char;
      i += 1;
    }
  }
  if (field !== "" || record.length > 0) throw new Error("last record without CRLF");
  return records;
}

/** Reads a whole export stream: checks the BOM and returns the records. */
export async function readCsvStream(stream: ReadableStream<Uint8Array>): Promise<string[][]> {
  // Response.text() would drop the BOM; keep it to check it is there.
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return parseCsvWithBom(new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes));
}

export function parseCsvWithBom(text: string): string[][] {
  if (!text.startsWith("\uFEFF")) throw new Error("no byte-order mark");
  return parseCsv(text.slice(1));
}
