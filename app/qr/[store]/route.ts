import { getDb } from "@/lib/server/database";
import { clientIp, clientIpKey } from "@/lib/http/client-ip";
import { findQrCodeByCode } from "@/lib/qr/codes";
import { parseQrImageQuery, QR_IMAGE_RATE_LIMIT } from "@/lib/qr/image-query";
import { desktopQrUrl, qrScanUrl } from "@/lib/qr/links";
import { renderQrPng, renderQrSvg } from "@/lib/qr/render";
import { consumeRateLimit } from "@/lib/rate-limit";
import { AppOriginError, appOrigin, ORIGIN_VARY_HEADERS } from "@/lib/server/app-origin";
import { findStoreBySlug } from "@/lib/stores/stores";

const CACHE = {
  // Short, so an archived code stops resolving soon; no cookies or store data in the body.
  named: "public, max-age=300",
  desktop: "public, max-age=3600",
};

function problem(status: number, error: string, extra: Record<string, unknown> = {}) {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * GET /qr/<store>?qr=<code>&format=png|svg&size=256…2048&ec=L|M|Q|H — a named code's image;
 * GET /qr/<store>?src=desktop_qr&product=<slug>&lang=<lang> — the widget's desktop panel.
 * The image encodes the tracked /go/<store> link, never anything else.
 */
export async function GET(request: Request, context: { params: Promise<{ store: string }> }) {
  const parsed = parseQrImageQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return problem(400, parsed.message, { issues: parsed.issues });
  const { query } = parsed;

  const db = await getDb();
  const limited = await consumeRateLimit(
    db,
    `qr-image:${clientIpKey(clientIp(request))}`,
    QR_IMAGE_RATE_LIMIT,
  );
  if (!limited.allowed) {
    const retryAfter = Math.max(1, Math.ceil((limited.resetAt.getTime() - Date.now()) / 1000));
    return Response.json(
      { error: "Too many QR images requested; try again shortly." },
      { status: 429, headers: { "Retry-After": String(retryAfter), "Cache-Control": "no-store" } },
    );
  }

  const { store: slug } = await context.params;
  const store = await findStoreBySlug(db, slug);
  if (!store) return problem(404, "Unknown store");

  let origin: string;
  try {
    origin = appOrigin(request.headers);
  } catch (error) {
    if (error instanceof AppOriginError) return problem(400, error.message);
    throw error;
  }

  let url: string;
  let filename: string;
  if (query.kind === "named") {
    const qrCode = await findQrCodeByCode(db, store.id, query.code);
    if (!qrCode || qrCode.archivedAt) return problem(404, "Unknown QR code");
    url = qrScanUrl(origin, store.slug, qrCode.code);
    filename = `${store.slug}-${qrCode.code}`;
  } else {
    url = desktopQrUrl(origin, store.slug, { product: query.product, lang: query.lang });
    filename = `${store.slug}-desktop`;
  }

  const headers = {
    "Cache-Control": query.kind === "named" ? CACHE.named : CACHE.desktop,
    Vary: ORIGIN_VARY_HEADERS,
    "X-Content-Type-Options": "nosniff",
    // An SVG opened directly is a document: it may not run or load anything.
    "Content-Security-Policy": "default-src 'none'",
    "Content-Disposition": `inline; filename="${filename}.${query.format}"`,
  };
  const rendering = { ec: query.ec, size: query.size };
  if (query.format === "svg") {
    const svg = await renderQrSvg(url, rendering);
    return new Response(svg, {
      headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" },
    });
  }
  const png = await renderQrPng(url, rendering);
  return new Response(new Uint8Array(png), {
    headers: { ...headers, "Content-Type": "image/png" },
  });
}
