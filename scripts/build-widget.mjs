#!/usr/bin/env node
/**
 * `npm run build:widget`: bundles the widget's readable source (widget/widget.ts) into the
 * minified public/widget.js that sites embed. The output is committed, so `next build` and
 * `next dev` never need this step; tests/unit/widget-build.test.ts fails when the committed
 * file differs from a fresh build of the source.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const WIDGET_SOURCE = path.join(root, "widget", "widget.ts");
export const WIDGET_OUTPUT = path.join(root, "public", "widget.js");

/** The minified widget as a string (nothing written). */
export async function buildWidget() {
  const result = await build({
    entryPoints: [WIDGET_SOURCE],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    alias: { "@": root },
    // Not the app's tsconfig: its `strict` would add a "use strict" the IIFE does not need.
    tsconfigRaw: "{}",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await buildWidget();
  writeFileSync(WIDGET_OUTPUT, code);
  console.log(`${path.relative(root, WIDGET_OUTPUT)}: ${Buffer.byteLength(code)} bytes`);
}
