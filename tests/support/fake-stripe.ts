import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the parts of Stripe's API Chatcart calls, on 127.0.0.1, reached through the
 * real SDK: `stripeClient(key, fake.url)`. It implements
 *   POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id,
 *   POST /v1/checkout/sessions/:id/expire, POST /v1/refunds, POST /v1/coupons.
 * A session's `discounts: [{ coupon }]` takes the coupon's `amount_off` off its amount_total,
 * as Stripe does (an unknown coupon or another currency is a 400).
 * Every request is recorded (form body flat and nested, Idempotency-Key, Authorization).
 * Like Stripe, a repeated Idempotency-Key on the same path with the same body replays the
 * first answer; with another body it is a 400 idempotency_error, and while the first is still
 * being answered a 409 idempotency_error. Faults are queued with
 * `failNext`; each answers one request (the SDK retries a dropped connection once by itself).
 */

export type FakeStripeFault =
  | { status: 500 }
  /** authentication_error, as Stripe answers a bad or revoked key. */
  | { status: 401 }
  /** permission_error, as Stripe answers a restricted key without the permission. */
  | { status: 403 }
  /** Any other error in Stripe's shape. */
  | { status: number; type: string; message: string; code?: string }
  /** Destroys the socket without answering. */
  | { dropConnection: true };

export type FakeStripeRequest = {
  method: string;
  /** Without the query string. */
  path: string;
  /** The form body as sent: `line_items[0][price_data][unit_amount]` → "4800". */
  form: Record<string, string>;
  /** The same body nested: `body.line_items[0].price_data.unit_amount` → "4800". */
  body: Record<string, unknown>;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  headers: IncomingHttpHeaders;
};

export type FakeCheckoutSession = {
  id: string;
  object: "checkout.session";
  url: string | null;
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid" | "no_payment_required";
  mode: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  locale: string | null;
  currency: string | null;
  amount_total: number;
  amount_subtotal: number;
  total_details: { amount_discount: number };
  discounts: { coupon: string }[];
  expires_at: number;
  created: number;
  success_url: string | null;
  cancel_url: string | null;
  payment_intent: string | null;
  livemode: false;
};

export type FakeRefund = {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  payment_intent: string;
  status: "succeeded" | "pending";
  metadata: Record<string, string>;
  created: number;
};

export type FakeCoupon = {
  id: string;
  object: "coupon";
  amount_off: number | null;
  currency: string | null;
  duration: string;
  max_redemptions: number | null;
  name: string | null;
  metadata: Record<string, string>;
  times_redeemed: number;
  valid: boolean;
  created: number;
};

export type FakeStripe = {
  /** Pass as the apiUrl of stripeClient / StripePlatformConfig. */
  url: string;
  requests: FakeStripeRequest[];
  sessions: Map<string, FakeCheckoutSession>;
  refunds: Map<string, FakeRefund>;
  coupons: Map<string, FakeCoupon>;
  /** The recorded requests for a method and a path (a string is a prefix; a RegExp tests). */
  requestsTo(method: string, path: string | RegExp): FakeStripeRequest[];
  /** The next `count` requests answer with `fault`. */
  failNext(count: number, fault: FakeStripeFault): void;
  /** Changes a stored session, e.g. `{ status: "expired" }` as if Stripe expired it. */
  updateSession(id: string, patch: Partial<FakeCheckoutSession>): FakeCheckoutSession;
  /** Holds every answer for `ms` (concurrency tests widen the race window). */
  setDelay(ms: number): void;
  reset(): void;
  close(): Promise<void>;
};

export type FakeStripeOptions = {
  /** When set, any other bearer token gets 401 authentication_error. */
  secretKey?: string;
};

const ERROR_BODIES: Record<number, { type: string; message: string; code?: string }> = {
  401: {
    type: "invalid_request_error",
    message: "Invalid API Key provided: sk_test_********************1234",
  },
  403: {
    type: "invalid_request_error",
    code: "secret_key_required",
    message:
      "The provided key 'rk_test_***1234' does not have the required permissions for this endpoint on account 'acct_1Fake'. Having the 'rak_checkout_session_write' permission would allow this request to continue.",
  },
  500: { type: "api_error", message: "An unknown error occurred" },
};

/** `a[0][b]=1` → `{ a: [{ b: "1" }] }`; objects whose keys are all 0..n-1 become arrays. */
export function nestForm(form: Record<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const parts = key.split(/\[|\]\[|\]/).filter((part) => part !== "");
    let node = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const arrays = (value: unknown): unknown => {
    if (!value || typeof value !== "object") return value;
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, inner]) => [key, arrays(inner)] as const,
    );
    const indexed = entries.every(([key], index) => key === String(index));
    return indexed && entries.length > 0
      ? entries.map(([, inner]) => inner)
      : Object.fromEntries(entries);
  };
  return arrays(root) as Record<string, unknown>;
}

const now = () => Math.floor(Date.now() / 1000);
const randomId = (prefix: string) => `${prefix}${randomBytes(12).toString("hex")}`;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    "Request-Id": randomId("req_"),
  });
  res.end(text);
}

type Answer = { status: number; body: unknown };

function stripeError(
  status: number,
  fault?: Partial<{ type: string; message: string; code?: string }>,
) {
  const base = ERROR_BODIES[status] ?? { type: "invalid_request_error", message: "Bad request" };
  return { status, body: { error: { ...base, ...fault } } };
}

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const requests: FakeStripeRequest[] = [];
  const sessions = new Map<string, FakeCheckoutSession>();
  const refunds = new Map<string, FakeRefund>();
  const coupons = new Map<string, FakeCoupon>();
  const idempotent = new Map<string, { bodyText: string; answer: Answer }>();
  const faults: FakeStripeFault[] = [];
  const inFlight = new Set<string>();
  let delayMs = 0;
  let origin = "";

  function createSession(body: Record<string, unknown>): Answer {
    const lineItems = (body.line_items as Record<string, unknown>[] | undefined) ?? [];
    let total = 0;
    let currency: string | null = null;
    for (const item of lineItems) {
      const price = item.price_data as Record<string, string> | undefined;
      total += Number(price?.unit_amount ?? 0) * Number(item.quantity ?? 1);
      currency = price?.currency ?? currency;
    }
    const discounts = (body.discounts as { coupon?: string }[] | undefined) ?? [];
    let discount = 0;
    for (const entry of discounts) {
      const coupon = entry.coupon ? coupons.get(entry.coupon) : undefined;
      if (!coupon) {
        return stripeError(400, {
          code: "resource_missing",
          message: `No such coupon: '${entry.coupon ?? ""}'`,
        });
      }
      if (coupon.currency && coupon.currency !== currency) {
        return stripeError(400, { message: "The coupon's currency differs from the session's." });
      }
      discount += coupon.amount_off ?? 0;
    }
    const expiresAt = body.expires_at ? Number(body.expires_at) : now() + 24 * 3600;
    if (expiresAt < now() + 30 * 60 - 5 || expiresAt > now() + 24 * 3600 + 5) {
      return stripeError(400, {
        message: "The `expires_at` timestamp must be between 30 minutes and 24 hours from now.",
        code: "parameter_invalid_integer",
      });
    }
    const id = randomId("cs_test_");
    const session: FakeCheckoutSession = {
      id,
      object: "checkout.session",
      url: `${origin}/c/pay/${id}`,
      status: "open",
      payment_status: "unpaid",
      mode: String(body.mode ?? "payment"),
      client_reference_id: (body.client_reference_id as string | undefined) ?? null,
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      locale: (body.locale as string | undefined) ?? null,
      currency,
      amount_total: Math.max(0, total - discount),
      amount_subtotal: total,
      total_details: { amount_discount: Math.min(total, discount) },
      discounts: discounts.map((entry) => ({ coupon: entry.coupon! })),
      expires_at: expiresAt,
      created: now(),
      success_url: (body.success_url as string | undefined) ?? null,
      cancel_url: (body.cancel_url as string | undefined) ?? null,
      payment_intent: null,
      livemode: false,
    };
    sessions.set(id, session);
    return { status: 200, body: session };
  }

  function missing(id: string): Answer {
    return stripeError(404, {
      type: "invalid_request_error",
      code: "resource_missing",
      message: `No such checkout.session: '${id}'`,
    });
  }

  function expireSession(id: string): Answer {
    const session = sessions.get(id);
    if (!session) return missing(id);
    if (session.status !== "open") {
      return stripeError(400, {
        type: "invalid_request_error",
        message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      });
    }
    session.status = "expired";
    session.url = null;
    return { status: 200, body: session };
  }

  function createRefund(body: Record<string, unknown>): Answer {
    const paymentIntent = body.payment_intent as string | undefined;
    if (!paymentIntent)
      return stripeError(400, { message: "Missing required param: payment_intent." });
    const refund: FakeRefund = {
      id: randomId("re_test_"),
      object: "refund",
      amount: Number(body.amount ?? 0),
      currency: "usd",
      payment_intent: paymentIntent,
      status: "succeeded",
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      created: now(),
    };
    refunds.set(refund.id, refund);
    return { status: 200, body: refund };
  }

  function createCoupon(body: Record<string, unknown>): Answer {
    const amountOff = body.amount_off === undefined ? null : Number(body.amount_off);
    if (amountOff !== null && (!Number.isInteger(amountOff) || amountOff < 1 || !body.currency)) {
      return stripeError(400, { message: "amount_off needs a positive integer and a currency." });
    }
    const coupon: FakeCoupon = {
      id: randomId("coupon_"),
      object: "coupon",
      amount_off: amountOff,
      currency: (body.currency as string | undefined) ?? null,
      duration: String(body.duration ?? "once"),
      max_redemptions: body.max_redemptions ? Number(body.max_redemptions) : null,
      name: (body.name as string | undefined) ?? null,
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      times_redeemed: 0,
      valid: true,
      created: now(),
    };
    coupons.set(coupon.id, coupon);
    return { status: 200, body: coupon };
  }

  function route(method: string, path: string, body: Record<string, unknown>): Answer {
    if (method === "POST" && path === "/v1/checkout/sessions") return createSession(body);
    if (method === "POST" && path === "/v1/refunds") return createRefund(body);
    if (method === "POST" && path === "/v1/coupons") return createCoupon(body);
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === "POST" && expire) return expireSession(decodeURIComponent(expire[1]!));
    const read = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === "GET" && read) {
      const session = sessions.get(decodeURIComponent(read[1]!));
      return session ? { status: 200, body: session } : missing(read[1]!);
    }
    return stripeError(404, { message: `Unrecognized request URL (${method}: ${path}).` });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const bodyText = Buffer.concat(chunks).toString("utf8");
      const path = (req.url ?? "/").split("?")[0]!;
      const form = Object.fromEntries(new URLSearchParams(bodyText));
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const recorded: FakeStripeRequest = {
        method: req.method ?? "GET",
        path,
        form,
        body: nestForm(form),
        idempotencyKey: header("idempotency-key"),
        authorization: header("authorization"),
        headers: req.headers,
      };
      requests.push(recorded);

      const scope = `${recorded.authorization} ${recorded.method} ${path} ${recorded.idempotencyKey}`;
      // Stripe answers a key that another request is still using with 409 idempotency_error.
      if (recorded.idempotencyKey && inFlight.has(scope) && !idempotent.has(scope)) {
        send(res, 409, {
          error: {
            type: "idempotency_error",
            message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${recorded.idempotencyKey}. Please try again later.`,
          },
        });
        return;
      }
      if (recorded.idempotencyKey) inFlight.add(scope);
      const answer = (): void => {
        inFlight.delete(scope);
        const fault = faults.shift();
        if (fault && "dropConnection" in fault) {
          req.socket.destroy();
          return;
        }
        if (fault) {
          const { status, ...rest } = fault as { status: number } & Record<string, string>;
          const { status: code, body } = stripeError(status, rest);
          send(res, code, body);
          return;
        }
        if (options.secretKey && recorded.authorization !== `Bearer ${options.secretKey}`) {
          const { status, body } = stripeError(401);
          send(res, status, body);
          return;
        }
        const previous = recorded.idempotencyKey ? idempotent.get(scope) : undefined;
        if (previous && previous.bodyText !== bodyText) {
          send(res, 400, {
            error: {
              type: "idempotency_error",
              message:
                "Keys for idempotent requests can only be used with the same parameters they were first used with.",
            },
          });
          return;
        }
        const result = previous?.answer ?? route(recorded.method, path, recorded.body);
        // Stripe saves the result of a request that reached its API, errors included (not 5xx).
        if (recorded.idempotencyKey && !previous && result.status < 500) {
          idempotent.set(scope, { bodyText, answer: result });
        }
        send(res, result.status, result.body);
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    requests,
    sessions,
    refunds,
    coupons,
    requestsTo(method, path) {
      return requests.filter(
        (request) =>
          request.method === method &&
          (typeof path === "string" ? request.path.startsWith(path) : path.test(request.path)),
      );
    },
    failNext(count, fault) {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    updateSession(id, patch) {
      const session = sessions.get(id);
      if (!session) throw new Error(`fake Stripe has no session ${id}`);
      Object.assign(session, patch);
      return session;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    reset() {
      requests.length = 0;
      faults.length = 0;
      delayMs = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
