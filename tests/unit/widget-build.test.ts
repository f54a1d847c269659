import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildWidget, WIDGET_OUTPUT } from "../../scripts/build-widget.mjs";

/** The budget for public/widget.js, CSS included. */
const GZIP_BUDGET_BYTES = 2048;

describe("public/widget.js", () => {
  const committed = readFileSync(WIDGET_OUTPUT, "utf8");

  it("is exactly what widget/ builds to (run `npm run build:widget` after editing widget/)", async () => {
    expect(await buildWidget()).toBe(committed);
  });

  it(`stays within ${GZIP_BUDGET_BYTES} bytes gzipped`, () => {
    const bytes = Buffer.from(committed);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length;
    console.log(`widget.js: ${bytes.length} B raw, ${gzip} B gzip -9, ${brotli} B brotli 11`);
    expect(gzip).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
  });

  it("carries its CSS and icon inline and loads nothing by itself", () => {
    expect(committed).toContain("prefers-reduced-motion");
    expect(committed).toContain("<svg");
    // The only URLs it builds are the tracked link and the QR image, made at interaction.
    expect(committed).not.toMatch(/https?:\/\//);
    expect(committed).not.toMatch(/fetch\(|XMLHttpRequest|@import|url\(/);
  });
});
