export const MAX_LABELS = 10;
export const MAX_LABEL_LENGTH = 24;

/** Trimmed, lowercased, inner whitespace collapsed: "  VIP   Client " → "vip client". */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}

export type LabelsResult = { ok: true; labels: string[] } | { ok: false; message: string };

/** Normalises, drops empties and duplicates, and enforces the limits. */
export function normalizeLabels(input: readonly string[]): LabelsResult {
  const labels = [...new Set(input.map(normalizeLabel).filter((label) => label.length > 0))];
  const tooLong = labels.find((label) => [...label].length > MAX_LABEL_LENGTH);
  if (tooLong) {
    return {
      ok: false,
      message: `Keep each label to ${MAX_LABEL_LENGTH} characters (“${tooLong}”).`,
    };
  }
  if (labels.length > MAX_LABELS) {
    return { ok: false, message: `A conversation can have at most ${MAX_LABELS} labels.` };
  }
  return { ok: true, labels };
}

/** Labels as typed in one field: separated by commas (also the Japanese 、) or new lines. */
export function splitLabels(text: string): string[] {
  return text.split(/[,，、\n]/);
}
