import "server-only";
import { z } from "zod";
import { CLICK_SOURCES, type ClickSource } from "@/db/schema";
import { CART_TOKEN_PATTERN } from "@/lib/cart/cart";
import { matchLanguage, SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import { QR_CODE_PATTERN } from "@/lib/qr/public-code";

/**
 * The query of GET /go/[store]. A tracked link is printed on cards, pasted into chats and
 * rewritten by apps, and whoever follows it must still reach the chat. So nothing here is
 * an error: each parameter is read on its own, a bad one is dropped, and why is written
 * to the click's `problems`:
 *
 * - `src` missing or not one of CLICK_SOURCES → "link" (problem "missing" / "unknown:…").
 * - `product`, `qr`, `lang`, `page` malformed (bad characters, too long) → ignored
 *   ("malformed:…", "unsupported:…" for a language we do not speak).
 * - `cart` malformed → ignored ("malformed"; a cart token is a secret, so never echoed).
 *
 * Only the first value of a repeated parameter counts. Echoed values are clipped.
 */

/** Product slugs as lib/catalog stores them (lowercase letters, digits, hyphens; ≤ 80). */
const PRODUCT_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
const MAX_PAGE_URL_LENGTH = 2048;
const ECHO_LENGTH = 40;

/** An http(s) URL without credentials or fragment, as a page address to store. */
export const pageUrlSchema = z
  .string()
  .max(MAX_PAGE_URL_LENGTH)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "not a URL" });
      return z.NEVER;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "not an http(s) URL" });
      return z.NEVER;
    }
    url.username = "";
    url.password = "";
    url.hash = "";
    return url.toString();
  });

export const goQuerySchema = z.object({
  src: z.enum(CLICK_SOURCES),
  product: z.string().trim().toLowerCase().regex(PRODUCT_SLUG),
  qr: z.string().trim().toUpperCase().regex(QR_CODE_PATTERN),
  cart: z.string().regex(CART_TOKEN_PATTERN),
  lang: z
    .string()
    .max(35)
    .transform((value) => matchLanguage(value))
    .pipe(z.enum(SHOPPER_LANGUAGES)),
  page: pageUrlSchema,
});

export type GoQuery = {
  source: ClickSource;
  product?: string;
  qr?: string;
  cart?: string;
  lang?: ShopperLanguage;
  page?: string;
};

/** Why a requested product, QR code or cart was not linked, by parameter. */
export type ClickProblems = Record<string, string>;

/** A value fit to store in `problems`: printable and short. */
export function echo(value: string): string {
  const printable = value.replace(/[\s\p{Cc}]+/gu, " ").trim();
  return printable.length > ECHO_LENGTH ? `${printable.slice(0, ECHO_LENGTH)}…` : printable;
}

export function parseGoQuery(params: URLSearchParams): {
  query: GoQuery;
  problems: ClickProblems;
} {
  const problems: ClickProblems = {};
  const shape = goQuerySchema.shape;

  function read<T>(field: keyof GoQuery, schema: z.ZodType<T>, problem: (raw: string) => string) {
    const raw = params.get(field);
    if (raw === null || raw.trim() === "") return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems[field] = problem(raw);
    return undefined;
  }

  const src = params.get("src")?.trim();
  const source = shape.src.safeParse(src?.toLowerCase());
  if (!src) problems.src = "missing";
  else if (!source.success) problems.src = `unknown:${echo(src)}`;

  const malformed = (raw: string) => `malformed:${echo(raw)}`;
  const query: GoQuery = {
    source: source.success ? source.data : "link",
    product: read("product", shape.product, malformed),
    qr: read("qr", shape.qr, malformed),
    cart: read("cart", shape.cart, () => "malformed"),
    lang: read("lang", shape.lang, (raw) => `unsupported:${echo(raw)}`),
    page: read("page", shape.page, malformed),
  };
  return { query, problems };
}
