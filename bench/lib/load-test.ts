import autocannon, { type RawRequest } from "autocannon";

export type LoadResult = {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests written to the server, answered or not (in flight when the run ended). */
  sent: number;
  statusCounts: Record<string, number>;
  errors: number;
  /** How long the run took. */
  seconds: number;
};

/** One request of a run: `key` names it in `onAnswer` (e.g. the event id a webhook carries). */
export type GeneratedRequest = Required<Pick<RawRequest, "method" | "path" | "headers">> & {
  body?: string;
  key?: string;
};

let clientNumber = 0;

/**
 * A different client address on every request (10.0.0.1, 10.0.0.2, …), as many shoppers
 * would have. /go rate-limits clicks per IP (60 a minute): from one address every request
 * after the 60th would skip recording the click, and the benchmark would measure the cheap
 * path. The server reads the address from X-Forwarded-For only as far as TRUST_PROXY says
 * (lib/http/client-ip.ts): a benchmark that uses this must start it with TRUST_PROXY=1.
 */
function nextClientIp(): string {
  clientNumber += 1;
  return `10.${(clientNumber >> 16) & 255}.${(clientNumber >> 8) & 255}.${clientNumber & 255}`;
}

export async function load(options: {
  label: string;
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds?: number;
  amount?: number;
  /** A fixed rate (requests per second over all connections) instead of as fast as possible. */
  rate?: number;
  /** Makes every request anew (a unique body, say); default: a GET of `url` from a new address. */
  generate?: () => GeneratedRequest;
  /** Told the status of every answered request that had a `key`. */
  onAnswer?: (key: string, status: number) => void;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const path = `${target.pathname}${target.search}`;
  const generate =
    options.generate ??
    ((): GeneratedRequest => ({
      method: "GET",
      path,
      headers: { ...options.headers, "x-forwarded-for": nextClientIp() },
    }));
  const result = await autocannon({
    url: target.origin,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds }),
    ...(options.rate && { overallRate: options.rate }),
    timeout: 30,
    requests: [
      {
        method: "GET",
        path,
        headers: options.headers,
        // Without pipelining a connection has one request in flight: the context names it.
        setupRequest: (request, context) => {
          const { key, ...next } = generate();
          context.key = key;
          return { ...request, ...next };
        },
        onResponse: (status, _body, context) => {
          if (typeof context.key === "string") options.onAnswer?.(context.key, status);
        },
      },
    ],
  });
  const statusCounts = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, Number(count)]),
  );
  return {
    label: options.label,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    sent: result.requests.sent,
    statusCounts,
    errors: result.errors,
    seconds: result.duration,
  };
}
