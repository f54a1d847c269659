/**
 * WhatsApp's inline formatting (*bold*, _italic_, ~strikethrough~), split into runs so the
 * simulator and the inbox can show a message as the shopper's phone does instead of with
 * literal asterisks. A marker counts only as WhatsApp applies it: it opens at the start of the
 * text or after a space or bracket, hugs a non-space character on the inside, closes before
 * the end, a space or punctuation, and never spans a line break ("2*3*4" stays as it is).
 */
export type TextStyle = "bold" | "italic" | "strike";
export type TextRun = { text: string; style?: TextStyle };

const STYLES: Record<string, TextStyle> = { "*": "bold", _: "italic", "~": "strike" };

const FORMATTED =
  /(^|[\s([{"'“‘「])([*_~])(?![\s*_~])([^\n]*?[^\s*_~])\2(?=$|[\s.,!?;:)\]}"'”’」、。！？])/g;

export function formatRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let plain = "";
  let last = 0;
  for (const match of text.matchAll(FORMATTED)) {
    const [whole, before = "", marker = "", inner = ""] = match;
    plain += text.slice(last, match.index) + before;
    if (plain) runs.push({ text: plain });
    plain = "";
    runs.push({ text: inner, style: STYLES[marker] });
    last = match.index + whole.length;
  }
  plain += text.slice(last);
  if (plain) runs.push({ text: plain });
  return runs;
}

/** The text without its formatting markers, for one-line previews. */
export function plainText(text: string): string {
  return formatRuns(text)
    .map((run) => run.text)
    .join("");
}
