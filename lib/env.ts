import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

if (typeof window !== "undefined") {
  throw new Error("lib/env.ts holds secrets and must never be bundled for the browser");
}

const base64Key = z.string().refine((value) => Buffer.from(value, "base64").length === 32, {
  message: "must be 32 bytes encoded as base64 (openssl rand -base64 32)",
});

const optionalUrl = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.string().url().optional(),
);

const databaseEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * "1" seeds the demo store (with its published password) into the embedded database in
   * production too; outside production it is seeded anyway (lib/demo/policy.ts).
   */
  SEED_DEMO: z
    .preprocess((value) => (value === "" ? undefined : value), z.enum(["0", "1"]).optional())
    .transform((value) => value === "1"),
  /** Set by Vercel on its builds and functions, whose disk is read-only. */
  VERCEL: z.string().optional(),
  /** Set by Vercel: the production host name (payment links fall back to it without APP_URL). */
  VERCEL_PROJECT_PRODUCTION_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^[a-z0-9.-]+$/i)
      .optional()
      .catch(undefined),
  ),
  /** The port `next dev` / `next start` listens on (payment links in development). */
  PORT: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(1).max(65_535).optional().catch(undefined),
  ),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: optionalUrl,
  DATABASE_WS_PROXY: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^[\w.-]+:\d+$/, "must be host:port of the WebSocket-to-TCP proxy")
      .optional(),
  ),
});

const optionalText = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.string().trim().min(1).optional(),
);

/** An http(s) URL reduced to its origin ("https://shop.example"), or undefined when unset. */
const optionalOrigin = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://chatcart.example" })
    .transform((value) => new URL(value).origin)
    .optional(),
);

function retentionDays(fallback: number) {
  return z.coerce.number().int().min(1, "must be at least 1 day").max(36_500).default(fallback);
}

const envSchema = databaseEnvSchema.extend({
  /** The app's public address; when set it wins over the request's Host (see lib/server/app-origin.ts). */
  APP_URL: optionalOrigin,
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  ENCRYPTION_KEY: base64Key,
  /** Chatcart's Meta app: verifies webhook signatures (a store may override it with its own). */
  WHATSAPP_APP_SECRET: optionalText,
  /** What Meta must send as hub.verify_token when the webhook is set up. */
  WHATSAPP_VERIFY_TOKEN: optionalText,
  /** The platform's system-user token for sending (a store may override it with its own). */
  WHATSAPP_ACCESS_TOKEN: optionalText,
  WHATSAPP_GRAPH_API_URL: z
    .preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ protocol: /^https?$/ }).default("https://graph.facebook.com/v23.0"),
    )
    .transform((value) => value.replace(/\/+$/, "")),
  /**
   * Stores without an access token send to the built-in simulator. "auto": only outside
   * production; "on" also in production (demos, end-to-end tests); "off": never.
   */
  WHATSAPP_SANDBOX: z.enum(["auto", "on", "off"]).default("auto"),
  /**
   * Operator-bound phone numbers for the platform token: "<phone-number id>:<store slug>,…".
   * A store sending with WHATSAPP_ACCESS_TOKEN may use only the id bound to it here.
   */
  WHATSAPP_PHONE_NUMBERS: z
    .preprocess((value) => (value === "" ? undefined : value), z.string().optional())
    .transform((value, context) => {
      const bindings = new Map<string, string>();
      for (const entry of (value ?? "").split(",").map((part) => part.trim())) {
        if (!entry) continue;
        const match = /^(\d{5,20}):([a-z0-9][a-z0-9-]{1,47})$/.exec(entry);
        if (!match) {
          context.addIssue({
            code: "custom",
            message: `"${entry}" is not <phone-number id>:<store slug> (digits, colon, slug)`,
          });
          return z.NEVER;
        }
        bindings.set(match[1]!, match[2]!);
      }
      return bindings;
    }),
  /** The platform's Stripe secret key (a store's own key in Settings wins). */
  STRIPE_SECRET_KEY: optionalText,
  /** Signs events sent to POST /api/webhooks/stripe (a store's own secret signs ?store=<slug>). */
  STRIPE_WEBHOOK_SECRET: optionalText,
  /** Stripe's API base; parsed into the SDK's host/port/protocol (tests point it at 127.0.0.1). */
  STRIPE_API_URL: z
    .preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ protocol: /^https?$/ }).default("https://api.stripe.com"),
    )
    .transform((value) => value.replace(/\/+$/, "")),
  /**
   * Stores without a Stripe key pay through the local test checkout. "auto": only outside
   * production; "on" also in production (demos, end-to-end tests); "off": never.
   */
  STRIPE_SANDBOX: z.enum(["auto", "on", "off"]).default("auto"),
  /**
   * Which forwarded headers to believe for the client IP (lib/http/client-ip.ts): "vercel",
   * a number of trusted proxy hops in front of the app, or "off" (the socket address only).
   * Default: "vercel" when VERCEL is set, else "off".
   */
  TRUST_PROXY: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.union([z.enum(["vercel", "off"]), z.coerce.number().int().min(1).max(10)]).optional(),
  ),
  /** Days applied webhook items are kept (their raw payloads, for replay), then pruned. */
  RETENTION_WEBHOOK_DAYS: retentionDays(30),
  /** Days delivered outbox rows are kept; the messages themselves are never pruned. */
  RETENTION_OUTBOX_DAYS: retentionDays(30),
  /** Days analytics events are kept. */
  RETENTION_EVENTS_DAYS: retentionDays(730),
  /** How long one tick may work (ms), shared among its jobs; keep it under the cron function's limit. */
  TICK_BUDGET_MS: z.coerce.number().int().min(1_000).max(800_000).default(20_000),
  /** Bearer token Vercel Cron sends to /api/cron/tick. */
  CRON_SECRET: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(16, "must be at least 16 characters").optional(),
  ),
});

export type Env = Omit<z.infer<typeof envSchema>, "TRUST_PROXY"> & {
  TRUST_PROXY: "vercel" | "off" | number;
};
export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

const DEV_SECRET_NAMES = [
  "AUTH_SECRET",
  "ENCRYPTION_KEY",
  "WHATSAPP_APP_SECRET",
  "WHATSAPP_VERIFY_TOKEN",
  "CRON_SECRET",
] as const;
type DevSecrets = Record<(typeof DEV_SECRET_NAMES)[number], string>;

function generateDevSecret(name: (typeof DEV_SECRET_NAMES)[number]): string {
  // Meta's app secrets are 32 hex characters; the simulator signs like Meta does.
  if (name === "WHATSAPP_APP_SECRET") return randomBytes(16).toString("hex");
  return randomBytes(32).toString("base64");
}

/**
 * Development and tests work with zero configuration: the secrets they need are
 * generated once and kept in DATA_DIR/secrets.json (never used in production).
 */
function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<DevSecrets> = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Partial<DevSecrets>)
    : {};
  // Older data folders lack the secrets added since; add them without touching the rest.
  const missing = DEV_SECRET_NAMES.filter((name) => !stored[name]);
  if (missing.length === 0) return stored as DevSecrets;
  const secrets = { ...stored } as DevSecrets;
  for (const name of missing) secrets[name] = generateDevSecret(name);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export class EnvError extends Error {
  override name = "EnvError";
}

function describeProblems(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`)
    .join("\n");
}

/** Only what is needed to reach the database, so migrations need no app secrets. */
export function databaseEnv(source: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  const parsed = databaseEnvSchema.safeParse(source);
  if (!parsed.success)
    throw new EnvError(`Invalid database settings:\n${describeProblems(parsed.error)}`);
  return parsed.data;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const raw: Record<string, string | undefined> = { ...source };
  const isProduction = raw.NODE_ENV === "production";
  if (!isProduction && DEV_SECRET_NAMES.some((name) => !raw[name])) {
    const dev = loadOrCreateDevSecrets(
      path.resolve(/*turbopackIgnore: true*/ raw.DATA_DIR || ".data"),
    );
    for (const name of DEV_SECRET_NAMES) raw[name] ||= dev[name];
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = describeProblems(parsed.error);
    throw new EnvError(
      `Invalid environment${isProduction ? " (production requires AUTH_SECRET and ENCRYPTION_KEY)" : ""}:\n${problems}\nSee .env.example.`,
    );
  }
  return {
    ...parsed.data,
    TRUST_PROXY: parsed.data.TRUST_PROXY ?? (parsed.data.VERCEL ? "vercel" : "off"),
  };
}

/** True while `next build` runs (Next sets NEXT_PHASE in its build workers). */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

let cached: Env | undefined;

/** The one validated environment. Read lazily so that `next build` needs no secrets. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function resetEnvForTests(): void {
  cached = undefined;
}
