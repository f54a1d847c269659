/**
 * Test helpers that read QR codes back: a PNG through pngjs + jsQR, and an SVG from
 * qrcode's path data (the modules it paints), rasterised and decoded the same way.
 */
import jsQR from "jsqr";
import { PNG } from "pngjs";

export type DecodedQr = { text: string; version: number; width: number; height: number };

export function decodePng(png: Buffer | Uint8Array): DecodedQr | null {
  const image = PNG.sync.read(Buffer.from(png));
  const result = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return result
    ? { text: result.data, version: result.version, width: image.width, height: image.height }
    : null;
}

export type SvgModules = {
  /** Side of the viewBox in modules (the code plus its quiet zone on both sides). */
  size: number;
  /** dark[row][col] */
  dark: boolean[][];
};

/** The dark modules an SVG from the `qrcode` package paints (M/m/h commands on half-module rows). */
export function readSvgModules(svg: string): SvgModules {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  if (!viewBox) throw new Error("no viewBox");
  const size = Number(viewBox[1]);
  const paths = [...svg.matchAll(/<path ([^>]*)\/>/g)].map((match) => match[1] ?? "");
  const darkPath = paths.find((attributes) => attributes.includes("stroke="));
  const d = darkPath && /\bd="([^"]*)"/.exec(darkPath)?.[1];
  if (!d) throw new Error("no dark path");
  const dark = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([Mmh])([^Mmh]*)/g)) {
    const numbers = (args ?? "")
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (command === "M") [x, y] = [numbers[0]!, numbers[1]!];
    else if (command === "m") [x, y] = [x + numbers[0]!, y + (numbers[1] ?? 0)];
    else {
      const row = Math.floor(y);
      for (let col = x; col < x + numbers[0]!; col++) dark[row]![col] = true;
      x += numbers[0]!;
    }
  }
  return { size, dark };
}

/** The smallest distance, in modules, from any dark module to the edge of the viewBox. */
export function quietZone({ size, dark }: SvgModules): number {
  let zone = size;
  dark.forEach((row, r) =>
    row.forEach((isDark, c) => {
      if (isDark) zone = Math.min(zone, r, c, size - 1 - r, size - 1 - c);
    }),
  );
  return zone;
}

export function decodeSvg(svg: string, pixelsPerModule = 8): DecodedQr | null {
  const { size, dark } = readSvgModules(svg);
  const width = size * pixelsPerModule;
  const data = new Uint8ClampedArray(width * width * 4);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      const value = dark[Math.floor(py / pixelsPerModule)]![Math.floor(px / pixelsPerModule)]
        ? 0
        : 255;
      data.set([value, value, value, 255], (py * width + px) * 4);
    }
  }
  const result = jsQR(data, width, width);
  return result ? { text: result.data, version: result.version, width, height: width } : null;
}
