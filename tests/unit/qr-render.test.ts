import { describe, expect, it } from "vitest";
import { desktopQrUrl, qrScanUrl } from "@/lib/qr/links";
import { QR_EC_LEVELS, renderQrPng, renderQrSvg } from "@/lib/qr/render";
import { decodePng, decodeSvg, quietZone, readSvgModules } from "../qr/decode-qr";

const ORIGIN = "https://chatcart.example";
const named = qrScanUrl(ORIGIN, "demo", "K7Q2MX");
const desktop = desktopQrUrl(ORIGIN, "demo", { product: "uji-matcha-ceremonial-30g", lang: "ja" });

describe("tracked links in QR codes", () => {
  it("builds the named code's scan URL and the desktop panel's URL", () => {
    expect(named).toBe("https://chatcart.example/go/demo?src=qr&qr=K7Q2MX");
    expect(desktop).toBe(
      "https://chatcart.example/go/demo?src=desktop_qr&product=uji-matcha-ceremonial-30g&lang=ja",
    );
    expect(desktopQrUrl(ORIGIN, "demo")).toBe("https://chatcart.example/go/demo?src=desktop_qr");
  });

  it("encodes what could break out of the path or query", () => {
    expect(qrScanUrl("http://localhost:4300", "a/b?c", "AB&C")).toBe(
      "http://localhost:4300/go/a%2Fb%3Fc?src=qr&qr=AB%26C",
    );
  });
});

describe("QR rendering (qrcode package)", () => {
  it.each([
    ["a named code", named],
    ["the desktop panel", desktop],
  ])("renders %s as a PNG that decodes to exactly the tracked URL", async (_, url) => {
    for (const size of [256, 1024]) {
      const decoded = decodePng(await renderQrPng(url, { ec: "M", size }));
      expect(decoded).toMatchObject({ text: url, width: size, height: size });
    }
  });

  it("renders an SVG with a viewBox, a 4-module quiet zone and the same URL", async () => {
    const svg = await renderQrSvg(named, { ec: "M", size: 1024 });
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1024" height="1024" viewBox="0 0 \d+ \d+"/,
    );
    const modules = readSvgModules(svg);
    expect(quietZone(modules)).toBe(4);
    expect(decodeSvg(svg)?.text).toBe(named);

    const fluid = await renderQrSvg(named, { ec: "M" });
    expect(fluid).not.toMatch(/width=/);
    expect(fluid).toMatch(/viewBox=/);
  });

  it("applies the error-correction level: more redundancy needs a bigger symbol", async () => {
    const versions: number[] = [];
    for (const ec of QR_EC_LEVELS) {
      const decoded = decodePng(await renderQrPng(desktop, { ec, size: 512 }));
      expect(decoded?.text).toBe(desktop);
      versions.push(decoded!.version);
      const svg = await renderQrSvg(desktop, { ec });
      expect(readSvgModules(svg).size).toBe(17 + 4 * decoded!.version + 8);
    }
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBeGreaterThan(versions[0]!);
  });
});
