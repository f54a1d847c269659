/**
 * Chromium for the end-to-end tests: Debian's package (playwright-core downloads no browser).
 * Outside CI a missing Chromium skips the suite with a banner; in CI it is an error.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const inCi = Boolean(process.env.CI) && process.env.CI !== "false";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function printBanner(lines: string[]): void {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = "!".repeat(width);
  console.log(
    ["", rule, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), rule, ""].join("\n"),
  );
}

/**
 * Why the e2e suite cannot run here, or undefined when it can.
 * Throws in CI, which must never skip these tests.
 */
export function e2eSkipReason(): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  const problem = `Chromium not found at ${chromiumPath}`;
  const fix =
    "install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary";
  if (inCi) throw new Error(`${problem}: ${fix}. CI never skips the end-to-end tests.`);
  return `${problem}; ${fix}`;
}

export async function launchBrowser(): Promise<Browser> {
  const skip = e2eSkipReason();
  if (skip) throw new Error(skip);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}
