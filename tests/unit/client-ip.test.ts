import { describe, expect, it } from "vitest";
import { clientIp, clientIpKey } from "@/lib/http/client-ip";

function request(headers: Record<string, string> = {}) {
  return { headers: new Headers(headers) };
}

describe("clientIp", () => {
  describe("TRUST_PROXY=vercel", () => {
    it("takes X-Real-IP, which Vercel's edge sets from the connection", () => {
      const headers = { "x-real-ip": "198.51.100.7", "x-forwarded-for": "203.0.113.1" };
      expect(clientIp(request(headers), "vercel")).toBe("198.51.100.7");
    });

    it("else the right-most X-Forwarded-For hop, never a spoofed left one", () => {
      const headers = { "x-forwarded-for": "1.1.1.1, 2.2.2.2, 198.51.100.7" };
      expect(clientIp(request(headers), "vercel")).toBe("198.51.100.7");
    });

    it("is null without either header", () => {
      expect(clientIp(request(), "vercel")).toBeNull();
    });
  });

  describe("TRUST_PROXY=<number of proxies>", () => {
    it("1: the hop the one proxy appended, ignoring what the client sent before it", () => {
      const spoofed = { "x-forwarded-for": "6.6.6.6, 7.7.7.7, 198.51.100.7" };
      expect(clientIp(request(spoofed), 1)).toBe("198.51.100.7");
      expect(clientIp(request({ "x-forwarded-for": "198.51.100.7" }), 1)).toBe("198.51.100.7");
    });

    it("2: skips the inner proxy's hop and takes the one the outer proxy appended", () => {
      const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" };
      expect(clientIp(request(headers), 2)).toBe("198.51.100.7");
    });

    it("2 with only one hop: every hop is a proxy's, so that one is the client", () => {
      expect(clientIp(request({ "x-forwarded-for": "198.51.100.7" }), 2)).toBe("198.51.100.7");
    });

    it("never believes X-Real-IP, which a client can send past a plain proxy", () => {
      const headers = { "x-real-ip": "6.6.6.6", "x-forwarded-for": "198.51.100.7" };
      expect(clientIp(request(headers), 1)).toBe("198.51.100.7");
    });

    it("is null without X-Forwarded-For or with a hop that is not an address", () => {
      expect(clientIp(request(), 1)).toBeNull();
      expect(clientIp(request({ "x-forwarded-for": "1.1.1.1, not-an-ip" }), 1)).toBeNull();
    });
  });

  describe("TRUST_PROXY=off", () => {
    it("takes the single hop `next start` copies from the socket", () => {
      expect(clientIp(request({ "x-forwarded-for": "::ffff:127.0.0.1" }), "off")).toBe("127.0.0.1");
    });

    it("ignores X-Real-IP and a forwarded chain (spoofed extra hops): null", () => {
      expect(clientIp(request({ "x-real-ip": "198.51.100.7" }), "off")).toBeNull();
      const chain = { "x-forwarded-for": "6.6.6.6, 198.51.100.7" };
      expect(clientIp(request(chain), "off")).toBeNull();
    });

    it("is null without headers", () => {
      expect(clientIp(request(), "off")).toBeNull();
    });
  });
});

describe("clientIpKey", () => {
  it("keys IPv4 by address, IPv6 by its /64 and an unknown client by one bucket", () => {
    expect(clientIpKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientIpKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientIpKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(clientIpKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientIpKey("::1")).toBe("0:0:0:0::/64");
    expect(clientIpKey(null)).toBe("unknown");
  });
});
