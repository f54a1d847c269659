import autocannon from "autocannon";

export type LoadResult = {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests written to the server, answered or not (in flight when the run ended). */
  sent: number;
  statusCounts: Record<string, number>;
  errors: number;
};

let clientNumber = 0;

/**
 * A different client address on every request (10.0.0.1, 10.0.0.2, …), as many shoppers
 * would have. /go rate-limits clicks per IP (60 a minute): from one address every request
 * after the 60th would skip recording the click, and the benchmark would measure the cheap
 * path. The server reads the address from X-Forwarded-For, as behind Vercel's edge.
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
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const result = await autocannon({
    url: target.origin,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds }),
    timeout: 30,
    requests: [
      {
        method: "GET",
        path: `${target.pathname}${target.search}`,
        headers: options.headers,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, "x-forwarded-for": nextClientIp() },
        }),
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
  };
}
