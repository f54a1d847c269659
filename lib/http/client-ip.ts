import "server-only";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/** Which forwarded headers to believe: see TRUST_PROXY in lib/env.ts. */
export type ProxyTrust = "vercel" | "off" | number;

/** Anything with request headers: a Request, or `{ headers: await headers() }` in an action. */
export type HeaderSource = { headers: Headers };

/** A syntactically valid address, IPv4-mapped IPv6 reduced to IPv4; else null. */
function normalizeAddress(value: string | undefined): string | null {
  const address = value?.trim().toLowerCase();
  if (!address) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return isIP(address) ? address : null;
}

function forwardedHops(headers: Headers): string[] {
  const header = headers.get("x-forwarded-for");
  if (!header) return [];
  return header.split(",").map((hop) => hop.trim());
}

/**
 * The client's address, or null when it cannot be known. Forwarded headers are believed
 * only as far as TRUST_PROXY says (docs/ARCHITECTURE.md, "Client IPs and rate limits"):
 *
 * - "vercel": Vercel's edge overwrites X-Real-IP and X-Forwarded-For with the address it
 *   accepted the connection from; X-Real-IP, else the right-most X-Forwarded-For hop.
 * - N (trusted proxies in front of the app, each appending the address it was reached
 *   from): the N-th X-Forwarded-For hop from the right; everything left of it is
 *   client-supplied. With fewer hops than N every hop was appended by a trusted proxy,
 *   so the left-most is the client.
 * - "off" (no proxy): route handlers never see the socket. `next start` copies
 *   `req.socket.remoteAddress` into X-Forwarded-For only when the request has none
 *   (`??=` in next/dist/server/base-server.js), so a single hop is that address; a client
 *   may still send one made-up hop, which only a proxy (N) or Vercel can prevent. A chain
 *   of several hops came through a proxy we were not told to trust: null.
 */
export function clientIp(
  request: HeaderSource,
  trust: ProxyTrust = env().TRUST_PROXY,
): string | null {
  const { headers } = request;
  const hops = forwardedHops(headers);
  if (trust === "vercel") {
    return normalizeAddress(headers.get("x-real-ip") ?? undefined) ?? normalizeAddress(hops.at(-1));
  }
  if (trust === "off") return hops.length === 1 ? normalizeAddress(hops[0]) : null;
  return normalizeAddress(hops[Math.max(0, hops.length - trust)]);
}

/** "2001:db8:1:2::" style: the first 64 bits of an IPv6 address, which one subscriber gets whole. */
function ipv6Network(address: string): string {
  const [head = "", tail] = address.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  // An embedded IPv4 address (the last group) stands for two groups.
  const tailWidth = tailGroups.length + (tailGroups.at(-1)?.includes(".") ? 1 : 0);
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array<string>(8 - headGroups.length - tailWidth).fill("0"),
          ...tailGroups,
        ];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * The rate-limit key for a client: its IPv4 address, its IPv6 /64 (one subscriber holds
 * a whole /64, so single addresses would be free buckets), or one shared "unknown" bucket.
 * Callers that must not lock everyone out through that bucket (sign-in) handle null first.
 */
export function clientIpKey(ip: string | null): string {
  if (!ip) return "unknown";
  return isIP(ip) === 6 ? ipv6Network(ip) : ip;
}
