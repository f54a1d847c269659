/**
 * `npm run bench:widget`: what the embeddable widget costs. Not a test: it prints figures.
 *
 * 1. public/widget.js in bytes: raw, gzip -9 and brotli 11 (the budget is 2,048 B gzipped).
 * 2. Lighthouse (performance only, its default mobile emulation with simulated throttling)
 *    on a demo product page with the widget and with `?nowidget=1` (the same page without
 *    the widget's script tag), BENCH_RUNS runs each (default 3), interleaved ABBA, on a
 *    production build: median performance score, TBT, CLS, LCP, and the ratios with ÷ without.
 * 3. The widget's own main-thread time: a Chromium trace (CPU throttled 4×, like Lighthouse's
 *    mobile profile) of a bare page on another origin embedding widget.js, without and with
 *    business hours (which cost Intl's first date formatting): the EvaluateScript event of
 *    widget.js, which includes drawing the widget. Median of BENCH_TRACE_RUNS (default 5).
 *
 * The app is built into NEXT_DIST_DIR (default .next) unless BENCH_SKIP_BUILD=1 reuses it, and
 * served by `next start` on 127.0.0.1 (BENCH_PORT, default a free port) with a fresh embedded
 * demo database. Chromium: CHROMIUM_PATH (default /usr/bin/chromium), via chrome-launcher.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { ensureBuild, freePort, root, startServer } from "./lib/production-server";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TRACE_RUNS = Number(process.env.BENCH_TRACE_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PRODUCT_PATH = "/s/demo/p/uji-matcha-ceremonial-30g?lang=en";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
];

type Figures = {
  score: number;
  tbt: number;
  cls: number;
  lcp: number;
  /** widget.js in Lighthouse's "JavaScript execution time" (listed only from 50 ms up), ms. */
  widgetCpu: number | null;
};

function widgetSizes() {
  const bytes = readFileSync(path.join(root, "public", "widget.js"));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function audit(url: string, port: number): Promise<Figures> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const bootup = lhr.audits["bootup-time"]?.details;
  const scripts =
    bootup && "items" in bootup ? (bootup.items as { url?: string; total?: number }[]) : [];
  const widget = scripts.find((item) => item.url?.endsWith("/widget.js"));
  return {
    widgetCpu: widget?.total ?? null,
    score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
    tbt: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    lcp: numeric("largest-contentful-paint"),
  };
}

function format(value: number, digits = 0) {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** with ÷ without; "—" when the baseline is zero (e.g. CLS 0 ÷ 0). */
function ratio(withWidget: number, without: number) {
  if (without === 0) return withWidget === 0 ? "1.00 (both 0)" : "∞";
  return (withWidget / without).toFixed(2);
}

type TraceEvent = { name: string; dur?: number; args?: unknown };

/** widget.js's EvaluateScript time (ms, CPU 4× throttled) on a fresh page of another origin. */
async function widgetMainThreadMs(appUrl: string, attributes: string, runs: number) {
  const page = (query: string) =>
    `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><p>Partner page</p><script src="${appUrl}/widget.js" data-store="demo" ${query} async></script></body></html>`;
  const site = createServer((request, response) => {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(page(new URL(request.url ?? "/", "http://site").searchParams.get("a") ?? ""));
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const timings: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const tab = await browser.newPage();
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await browser.startTracing(tab, { categories: ["devtools.timeline"] });
      await tab.goto(`${siteUrl}/?a=${encodeURIComponent(attributes)}`);
      await tab.locator("chatcart-widget a").waitFor();
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: TraceEvent[];
      };
      const evaluation = traceEvents.find(
        (event) =>
          event.name === "EvaluateScript" && JSON.stringify(event.args).includes("/widget.js"),
      );
      if (!evaluation?.dur) throw new Error("no EvaluateScript event for widget.js in the trace");
      timings.push(evaluation.dur / 1000);
      await tab.close();
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => site.close(resolve));
  }
  return median(timings);
}

async function main() {
  const sizes = widgetSizes();
  console.log(
    `widget.js: ${sizes.raw} B raw, ${sizes.gzip} B gzip -9, ${sizes.brotli} B brotli 11 (budget 2048 B gzip)`,
  );

  await ensureBuild({ reuse: process.env.BENCH_SKIP_BUILD === "1" });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chatcart-bench-widget-"));
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  const server = await startServer({ port, env: { DATA_DIR: dataDir }, readyPath: "/" });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const urls = {
      with: `${server.baseUrl}${PRODUCT_PATH}`,
      without: `${server.baseUrl}${PRODUCT_PATH}&nowidget=1`,
    };
    // Warm the server (first renders, database pages) so run 1 is not a cold-start outlier.
    for (const url of [...Object.values(urls), `${server.baseUrl}/widget.js`]) {
      for (let i = 0; i < 3; i += 1) await (await fetch(url)).arrayBuffer();
    }
    const runs: Record<keyof typeof urls, Figures[]> = { with: [], without: [] };
    for (let run = 1; run <= RUNS; run += 1) {
      // ABBA order, so whatever favours the first (or second) audit of a pair evens out.
      const order = run % 2 ? (["with", "without"] as const) : (["without", "with"] as const);
      for (const variant of order) {
        const figures = await audit(urls[variant], chrome.port);
        runs[variant].push(figures);
        console.log(
          `run ${run} ${variant.padEnd(7)} score ${figures.score}  TBT ${format(figures.tbt)} ms  CLS ${format(figures.cls, 3)}  LCP ${format(figures.lcp)} ms` +
            (variant === "with"
              ? `  widget.js execution ${figures.widgetCpu === null ? "< 50 ms (not listed)" : `${format(figures.widgetCpu)} ms`}`
              : ""),
        );
      }
    }
    const medians = Object.fromEntries(
      (["with", "without"] as const).map((variant) => [
        variant,
        {
          score: median(runs[variant].map((r) => r.score)),
          tbt: median(runs[variant].map((r) => r.tbt)),
          cls: median(runs[variant].map((r) => r.cls)),
          lcp: median(runs[variant].map((r) => r.lcp)),
          widgetCpu: null,
        },
      ]),
    ) as Record<"with" | "without", Figures>;
    const { with: w, without: wo } = medians;
    console.log(
      `\nLighthouse ${RUNS} runs each, medians (mobile emulation, simulated throttling):`,
    );
    console.log("| page | performance | TBT ms | CLS | LCP ms |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    console.log(
      `| with widget | ${w.score} | ${format(w.tbt)} | ${format(w.cls, 3)} | ${format(w.lcp)} |`,
    );
    console.log(
      `| without (\`?nowidget=1\`) | ${wo.score} | ${format(wo.tbt)} | ${format(wo.cls, 3)} | ${format(wo.lcp)} |`,
    );
    console.log(
      `| ratio with ÷ without | ${ratio(w.score, wo.score)} | ${ratio(w.tbt, wo.tbt)} | ${ratio(w.cls, wo.cls)} | ${ratio(w.lcp, wo.lcp)} |`,
    );

    const bare = await widgetMainThreadMs(server.baseUrl, "", TRACE_RUNS);
    const withHours = await widgetMainThreadMs(
      server.baseUrl,
      'data-hours="Mon0900-Mon1800 Tue0900-Tue1800" data-tz="Asia/Tokyo" data-greeting="Hello"',
      TRACE_RUNS,
    );
    console.log(
      `\nwidget.js main thread (EvaluateScript incl. drawing, CPU 4× throttled, median of ${TRACE_RUNS}):` +
        ` ${format(bare, 1)} ms without business hours, ${format(withHours, 1)} ms with them`,
    );
  } finally {
    chrome.kill();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
