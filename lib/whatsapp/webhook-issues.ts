import type { z } from "zod";

/** Where in a webhook body something is: keys and array indexes from the root. */
export type Path = readonly PropertyKey[];

const MAX_REPORTED_ISSUES = 5;

function formatPath(path: Path): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

/** Collects issues with their full path from the body's root, so one message reads well. */
export class Issues {
  readonly list: string[] = [];

  add(path: Path, message: string): void {
    this.list.push(`${formatPath(path)}: ${message}`);
  }

  parse<S extends z.ZodType>(schema: S, value: unknown, path: Path): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.add([...path, ...issue.path], issue.message);
    return undefined;
  }

  summary(): string {
    const shown = this.list.slice(0, MAX_REPORTED_ISSUES).join("; ");
    const more = this.list.length - MAX_REPORTED_ISSUES;
    return more > 0 ? `${shown}; and ${more} more` : shown;
  }
}
