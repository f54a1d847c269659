/**
 * The positional variables of a WhatsApp template body: {{1}}, {{2}} … Meta numbers them
 * from 1 without gaps, so a body using {{1}} and {{3}} would be rejected on submission;
 * this catches that while the owner is still typing. Pure, so the form can preview it.
 */

export type TemplateVariables =
  | { ok: true; count: number }
  /** `problem` and `values` let a form say `error` in the member's language. */
  | {
      ok: false;
      error: string;
      problem: "notVariable" | "variableGap";
      values: Record<string, string>;
    };

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export function templateVariables(body: string): TemplateVariables {
  const numbers = new Set<number>();
  for (const [, inside = ""] of body.matchAll(PLACEHOLDER)) {
    if (!/^[1-9]\d{0,2}$/.test(inside)) {
      return {
        ok: false,
        error: `“{{${inside}}}” is not a variable: number them {{1}}, {{2}} … in order`,
        problem: "notVariable",
        values: { inside },
      };
    }
    numbers.add(Number(inside));
  }
  const count = numbers.size === 0 ? 0 : Math.max(...numbers);
  for (let n = 1; n <= count; n++) {
    if (!numbers.has(n)) {
      return {
        ok: false,
        error: `Number the variables from {{1}} without gaps: {{${n}}} is missing`,
        problem: "variableGap",
        values: { n: String(n) },
      };
    }
  }
  return { ok: true, count };
}
