import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/qr/[store]/route";
import { resetEnvForTests } from "@/lib/env";
import { createQrCode, setQrCodeArchived } from "@/lib/qr/codes";
import { qrCodeFieldsSchema } from "@/lib/qr/form-schema";
import { QR_IMAGE_RATE_LIMIT } from "@/lib/qr/image-query";
import { setupTestDatabase, testDbBackend } from "../support/database";
import { createOwnerWithStore } from "../support/fixtures";
import { decodePng, decodeSvg, quietZone, readSvgModules } from "./decode-qr";

const db = setupTestDatabase();

let ipCounter = 0;
async function get(path: string, headers: Record<string, string> = {}) {
  ipCounter += 1;
  const url = new URL(path, "http://localhost:4300");
  const request = new Request(url, {
    headers: { host: "localhost:4300", "x-forwarded-for": `203.0.113.${ipCounter}`, ...headers },
  });
  const store = decodeURIComponent(url.pathname.split("/")[2] ?? "");
  return GET(request, { params: Promise.resolve({ store }) });
}

describe(`GET /qr/[store] [${testDbBackend}]`, () => {
  let slug: string;
  let code: string;
  let archivedCode: string;

  beforeAll(async () => {
    const { store } = await createOwnerWithStore(db(), { storeName: "Kyoto QR Shop" });
    slug = store.slug;
    const card = await createQrCode(
      db(),
      store.id,
      qrCodeFieldsSchema.parse({ name: "Shop card" }),
    );
    const flyer = await createQrCode(db(), store.id, qrCodeFieldsSchema.parse({ name: "Flyer" }));
    if (!card.ok || !flyer.ok) throw new Error("create failed");
    code = card.qrCode.code;
    archivedCode = flyer.qrCode.code;
    await setQrCodeArchived(db(), store.id, flyer.qrCode.id, true);
  });

  afterEach(() => {
    delete process.env.APP_URL;
    resetEnvForTests();
  });

  it("serves a named code as a PNG that decodes to exactly its tracked /go URL", async () => {
    const response = await get(`/qr/${slug}?qr=${code}&format=png&size=1024&ec=H`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("vary")).toMatch(/X-Forwarded-Host/);
    expect(response.headers.get("set-cookie")).toBeNull();
    const decoded = decodePng(new Uint8Array(await response.arrayBuffer()));
    expect(decoded).toMatchObject({
      text: `http://localhost:4300/go/${slug}?src=qr&qr=${code}`,
      width: 1024,
      height: 1024,
    });
  });

  it("serves the widget's desktop QR as an SVG with a quiet zone, encoding the desktop_qr link", async () => {
    const response = await get(
      `/qr/${slug}?src=desktop_qr&product=uji-matcha-ceremonial-30g&lang=ja&format=svg`,
      { host: "shop.example", "x-forwarded-proto": "https" },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
    const svg = await response.text();
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('width="512"');
    expect(quietZone(readSvgModules(svg))).toBeGreaterThanOrEqual(4);
    expect(decodeSvg(svg)?.text).toBe(
      `https://shop.example/go/${slug}?src=desktop_qr&product=uji-matcha-ceremonial-30g&lang=ja`,
    );
  });

  it("encodes APP_URL when it is set, not the request's Host", async () => {
    process.env.APP_URL = "https://chatcart.example/";
    resetEnvForTests();
    const response = await get(`/qr/${slug}?qr=${code}&format=png&size=256`, {
      host: "evil.example",
    });
    expect(decodePng(new Uint8Array(await response.arrayBuffer()))?.text).toBe(
      `https://chatcart.example/go/${slug}?src=qr&qr=${code}`,
    );
  });

  it.each([
    ["size=5000", /size must be between 256 and 2048 pixels/],
    ["ec=Z", /ec must be one of L, M, Q, H/],
    ["format=gif", /format must be one of png, svg/],
  ])("answers 400 with a clear message for %s", async (query, message) => {
    const response = await get(`/qr/${slug}?qr=${code}&${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: unknown[] };
    expect(body.error).toMatch(message);
    expect(body.issues).toHaveLength(1);
  });

  it("answers 400 without a code or src, and for a forged Host", async () => {
    expect((await get(`/qr/${slug}`)).status).toBe(400);
    const forged = await get(`/qr/${slug}?qr=${code}`, { host: "evil.example/phish?" });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: /APP_URL/ });
  });

  it("answers 404 for an unknown store, an unknown code and an archived code", async () => {
    const unknownStore = await get(`/qr/no-such-store?qr=${code}`);
    expect(unknownStore.status).toBe(404);
    expect(await unknownStore.json()).toEqual({ error: "Unknown store" });
    expect((await get(`/qr/no-such-store?src=desktop_qr`)).status).toBe(404);
    expect((await get(`/qr/${slug}?qr=ZZZZZZ`)).status).toBe(404);
    const archived = await get(`/qr/${slug}?qr=${archivedCode}&format=png`);
    expect(archived.status).toBe(404);
    expect(await archived.json()).toEqual({ error: "Unknown QR code" });
  });

  it("rate-limits each address, and only that address", async () => {
    const flood = { "x-forwarded-for": "198.51.100.7" };
    for (let i = 0; i < QR_IMAGE_RATE_LIMIT.limit; i++) {
      expect((await get(`/qr/no-such-store?src=desktop_qr`, flood)).status).toBe(404);
    }
    const limited = await get(`/qr/${slug}?qr=${code}`, flood);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await get(`/qr/${slug}?qr=${code}`)).status).toBe(200);
  });
});
