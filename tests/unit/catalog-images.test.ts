import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkUploadedImage,
  discardSavedImage,
  saveProductImage,
  UPLOADS_UNAVAILABLE,
} from "@/lib/catalog/image-uploads";
import {
  checkImageUrl,
  detectImageType,
  isLocalImagePath,
  MAX_IMAGE_BYTES,
} from "@/lib/catalog/images";

const STORE_ID = "0b9a3c1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c";

function tinyPng(): Uint8Array<ArrayBuffer> {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)),
  );

const SVG = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>`;

describe("detectImageType: the format from the magic number", () => {
  it("recognises PNG, JPEG, GIF and WebP", () => {
    expect(detectImageType(tinyPng())).toBe("png");
    expect(detectImageType(bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF"))).toBe("jpeg");
    expect(detectImageType(bytes("GIF89a", [1, 0, 1, 0]))).toBe("gif");
    expect(detectImageType(bytes("GIF87a", [1, 0, 1, 0]))).toBe("gif");
    expect(detectImageType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("webp");
  });

  it("refuses text, SVG, truncated headers and other RIFF files", () => {
    expect(detectImageType(bytes("hello, I am not a PNG"))).toBeNull();
    expect(detectImageType(bytes(SVG))).toBeNull();
    expect(detectImageType(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(detectImageType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(detectImageType(new Uint8Array())).toBeNull();
  });
});

describe("checkUploadedImage", () => {
  const dev = { nodeEnv: "development" };

  it("accepts a real PNG whatever it is called", async () => {
    const result = await checkUploadedImage(new File([tinyPng()], "photo.jpg"), dev);
    expect(result).toMatchObject({ ok: true, image: { type: "png" } });
  });

  it("refuses a text file named .png with an image/png type", async () => {
    const file = new File(["just some text"], "photo.png", { type: "image/png" });
    expect(await checkUploadedImage(file, dev)).toEqual({
      ok: false,
      error: "This file is not a PNG, JPEG, WebP or GIF image",
    });
  });

  it("refuses SVG, by type, by name or by content, and says why", async () => {
    for (const file of [
      new File([SVG], "logo.svg", { type: "image/svg+xml" }),
      new File([SVG], "logo.png", { type: "image/png" }),
      new File([SVG], "logo.svg"),
    ]) {
      const result = await checkUploadedImage(file, dev);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/SVG files can't be uploaded/);
    }
  });

  it("refuses files over 2 MB, and accepts one of exactly 2 MB", async () => {
    const png = tinyPng();
    const exact = new Uint8Array(MAX_IMAGE_BYTES);
    exact.set(png);
    expect((await checkUploadedImage(new File([exact], "big.png"), dev)).ok).toBe(true);
    const over = new Uint8Array(MAX_IMAGE_BYTES + 1);
    over.set(png);
    expect(await checkUploadedImage(new File([over], "big.png"), dev)).toEqual({
      ok: false,
      error: "This image is larger than 2 MB; use a smaller one",
    });
  });

  it("refuses every upload in production, where the server cannot keep files", async () => {
    const result = await checkUploadedImage(new File([tinyPng()], "a.png"), {
      nodeEnv: "production",
    });
    expect(result).toEqual({ ok: false, error: UPLOADS_UNAVAILABLE });
    expect(UPLOADS_UNAVAILABLE).toMatch(/image address/);
  });
});

describe("saveProductImage", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "chatcart-uploads-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("writes <root>/<storeId>/<random>.<ext from the bytes> and returns its public URL", async () => {
    const png = tinyPng();
    const first = await saveProductImage(STORE_ID, { bytes: png, type: "png" }, root);
    const second = await saveProductImage(STORE_ID, { bytes: png, type: "png" }, root);
    expect(first.url).toMatch(new RegExp(`^/uploads/${STORE_ID}/[0-9a-f]{32}\\.png$`));
    expect(second.url).not.toBe(first.url);
    expect(first.filePath).toBe(path.join(root, first.url.replace("/uploads/", "")));
    expect(new Uint8Array(await readFile(first.filePath))).toEqual(png);
    expect(isLocalImagePath(first.url)).toBe(true);
    await discardSavedImage(first);
    expect(await readdir(path.join(root, STORE_ID))).toEqual([path.basename(second.filePath)]);
  });

  it("refuses a store id that is not a UUID, so it cannot climb out of the folder", async () => {
    await expect(
      saveProductImage("../../etc", { bytes: tinyPng(), type: "png" }, root),
    ).rejects.toThrow(/invalid store id/);
  });
});

describe("checkImageUrl", () => {
  it("accepts https addresses and paths under /products/ and /uploads/", () => {
    expect(checkImageUrl(" https://cdn.example.com/tea.jpg ")).toEqual({
      ok: true,
      url: "https://cdn.example.com/tea.jpg",
    });
    expect(checkImageUrl("/products/kyoto-hojicha-100g.svg")).toEqual({
      ok: true,
      url: "/products/kyoto-hojicha-100g.svg",
    });
    expect(checkImageUrl(`/uploads/${STORE_ID}/abc.png`).ok).toBe(true);
  });

  it("refuses http, other schemes, credentials, other local paths and traversal", () => {
    const refused = (value: string) => {
      const result = checkImageUrl(value);
      return result.ok ? "accepted" : result.error;
    };
    expect(refused("http://example.com/a.png")).toMatch(/https/);
    expect(refused("javascript:alert(1)")).toMatch(/https/);
    expect(refused("data:image/png;base64,AAAA")).toMatch(/https/);
    expect(refused("example.com/a.png")).toMatch(/starting with https/);
    expect(refused("https://user:pass@example.com/a.png")).toMatch(/user name/);
    expect(refused("/etc/passwd")).toMatch(/\/products\/ or \/uploads\//);
    expect(refused("/uploads/../secrets.json")).toMatch(/\/products\/ or \/uploads\//);
    expect(refused("//evil.example/a.png")).toMatch(/\/products\/ or \/uploads\//);
    expect(refused(`https://example.com/${"a".repeat(2100)}`)).toMatch(/too long/);
  });
});
