import { z } from "zod";
import { REF_ALPHABET } from "@/lib/attribution/refs";
import { matchLanguage } from "@/lib/i18n/languages";
import { QR_EC_LEVELS, QR_MAX_SIZE, QR_MIN_SIZE, type QrEcLevel } from "./render";
import { QR_CODE_PATTERN } from "./public-code";

/** Rendering a 2048 px PNG costs real CPU: a generous page's worth per minute per address. */
export const QR_IMAGE_RATE_LIMIT = { limit: 60, windowSeconds: 60 };

export const QR_IMAGE_FORMATS = ["png", "svg"] as const;
export type QrImageFormat = (typeof QR_IMAGE_FORMATS)[number];

/** Product slugs as lib/catalog makes them (lowercase letters, digits, hyphens; ≤ 80), as /go reads them. */
const PRODUCT_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8}){0,4}$/i;

const imageQuerySchema = z
  .object({
    format: z
      .enum(QR_IMAGE_FORMATS, { error: `format must be one of ${QR_IMAGE_FORMATS.join(", ")}` })
      .default("svg"),
    size: z.coerce
      .number({ error: "size must be a whole number of pixels" })
      .int("size must be a whole number of pixels")
      .min(QR_MIN_SIZE, `size must be between ${QR_MIN_SIZE} and ${QR_MAX_SIZE} pixels`)
      .max(QR_MAX_SIZE, `size must be between ${QR_MIN_SIZE} and ${QR_MAX_SIZE} pixels`)
      .default(512),
    ec: z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(z.enum(QR_EC_LEVELS, { error: `ec must be one of ${QR_EC_LEVELS.join(", ")}` }))
      .default("M"),
    qr: z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(
        z.string().regex(QR_CODE_PATTERN, `qr must be a QR code id (letters from ${REF_ALPHABET})`),
      )
      .optional(),
    src: z
      .literal("desktop_qr", { error: "src must be desktop_qr (or pass qr=<code>)" })
      .optional(),
    product: z.string().regex(PRODUCT_SLUG, "product must be a product slug").optional(),
    lang: z
      .string()
      .regex(LANGUAGE_TAG, "lang must be a language tag such as ja or en-GB")
      .optional(),
  })
  .superRefine((query, context) => {
    if (query.qr && query.src) {
      context.addIssue({
        code: "custom",
        path: ["src"],
        message: "pass either qr=<code> or src=desktop_qr, not both",
      });
    } else if (!query.qr && !query.src) {
      context.addIssue({
        code: "custom",
        path: ["qr"],
        message: "pass qr=<code> for a named code, or src=desktop_qr",
      });
    } else if (query.qr && (query.product || query.lang)) {
      context.addIssue({
        code: "custom",
        path: ["product"],
        message: "product and lang go with src=desktop_qr only",
      });
    }
  });

type Rendering = { format: QrImageFormat; size: number; ec: QrEcLevel };

export type QrImageQuery =
  | (Rendering & { kind: "named"; code: string })
  | (Rendering & { kind: "desktop"; product?: string; lang?: string });

export type QrImageQueryResult =
  | { ok: true; query: QrImageQuery }
  | { ok: false; message: string; issues: { path: string; message: string }[] };

/** Validates the query of GET /qr/<store>; an empty value counts as absent. */
export function parseQrImageQuery(params: URLSearchParams): QrImageQueryResult {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "" && !(key in raw)) raw[key] = value;
  const parsed = imageQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    return { ok: false, message: issues.map((issue) => issue.message).join("; "), issues };
  }
  const { format, size, ec, qr, product, lang } = parsed.data;
  if (qr) return { ok: true, query: { kind: "named", code: qr, format, size, ec } };
  // A language we do not speak is dropped: /go then negotiates from the phone's own.
  const language = matchLanguage(lang) ?? undefined;
  return { ok: true, query: { kind: "desktop", product, lang: language, format, size, ec } };
}
