/** A template body with its {{1}}, {{2}} … replaced by the values typed so far (or left as is). */
export function fillTemplate(body: string, parameters: readonly string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (placeholder, index: string) => {
    const value = parameters[Number(index) - 1]?.trim();
    return value ? value : placeholder;
  });
}
