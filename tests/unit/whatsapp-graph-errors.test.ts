import { describe, expect, it } from "vitest";
import {
  classifyGraphResponse,
  classifyNetworkError,
  parseGraphError,
} from "@/lib/whatsapp/graph-errors";

function metaError(code: number, message: string, details?: string): unknown {
  return {
    error: {
      message,
      type: "OAuthException",
      code,
      ...(details ? { error_data: { messaging_product: "whatsapp", details } } : {}),
      fbtrace_id: "Atrace",
    },
  };
}

describe("parseGraphError", () => {
  it("reads Meta's error body", () => {
    expect(
      parseGraphError({
        error: {
          message: "(#131047) Re-engagement message",
          type: "OAuthException",
          code: 131047,
          error_subcode: 2494010,
          error_data: { messaging_product: "whatsapp", details: "More than 24 hours" },
          fbtrace_id: "Abc",
        },
      }),
    ).toStrictEqual({
      message: "(#131047) Re-engagement message",
      type: "OAuthException",
      code: 131047,
      subcode: 2494010,
      details: "More than 24 hours",
      fbtraceId: "Abc",
    });
  });

  it.each([null, undefined, "oops", 42, [], {}, { error: "x" }, { error: [] }])(
    "returns null for %j",
    (body) => {
      expect(parseGraphError(body)).toBeNull();
    },
  );

  it("ignores fields of the wrong type and accepts numeric-string codes", () => {
    expect(
      parseGraphError({ error: { message: 7, code: "131056", error_data: "details", type: null } }),
    ).toStrictEqual({
      message: null,
      type: null,
      code: 131056,
      subcode: null,
      details: null,
      fbtraceId: null,
    });
    expect(parseGraphError({ error: { code: 1.5 } })?.code).toBeNull();
  });
});

describe("classifyGraphResponse", () => {
  it.each([
    [400, 130429],
    [400, 131056],
    [500, 131000],
    [503, 131016],
    [400, 4],
    [400, 80007],
  ])("HTTP %i code %i is retryable", (status, code) => {
    const failure = classifyGraphResponse(status, metaError(code, `(#${code}) x`));
    expect(failure).toMatchObject({ retryable: true, code, httpStatus: status });
    expect(failure.reason).toMatch(/sent again automatically/);
  });

  it.each([
    [131047, /24 hours .* template/],
    [131026, /not be on WhatsApp|accepted WhatsApp's latest terms/],
    [131051, /doesn't support this message type/],
    [132000, /variables don't match/],
    [132001, /doesn't exist/],
    [190, /access token has expired or is invalid/],
    [131030, /allowed recipient list/],
    [368, /blocked .* policy/],
  ])("code %i is permanent with a readable reason", (code, reason) => {
    const failure = classifyGraphResponse(400, metaError(code, `(#${code}) whatever`));
    expect(failure.retryable).toBe(false);
    expect(failure.code).toBe(code);
    expect(failure.reason).toMatch(reason);
    expect(failure.reason).not.toMatch(/sent again/);
  });

  it("a known permanent code wins over a 5xx status", () => {
    expect(classifyGraphResponse(500, metaError(131047, "x")).retryable).toBe(false);
  });

  it("adds Meta's details to an invalid parameter (100)", () => {
    const failure = classifyGraphResponse(
      400,
      metaError(100, "(#100) Invalid parameter", "Parameter 'to' is not a valid phone number"),
    );
    expect(failure).toMatchObject({ retryable: false, code: 100, title: "Invalid parameter" });
    expect(failure.reason).toContain("Parameter 'to' is not a valid phone number");
  });

  it("an unknown 4xx is permanent with Meta's message", () => {
    expect(
      classifyGraphResponse(400, metaError(131009, "(#131009) Parameter value is not valid")),
    ).toStrictEqual({
      retryable: false,
      code: 131009,
      title: "Parameter value is not valid",
      httpStatus: 400,
      reason: "WhatsApp rejected the message: Parameter value is not valid",
    });
  });

  it("prefers error_data.details for an unknown code", () => {
    const failure = classifyGraphResponse(403, metaError(200, "(#200) Permissions", "No access"));
    expect(failure.reason).toBe("WhatsApp rejected the message: No access");
  });

  it("falls back to the HTTP status for odd bodies", () => {
    expect(classifyGraphResponse(404, "Not found")).toStrictEqual({
      retryable: false,
      code: null,
      title: "HTTP 404",
      httpStatus: 404,
      reason: "WhatsApp rejected the message (HTTP 404).",
    });
    expect(classifyGraphResponse(503, null)).toMatchObject({ retryable: true, code: null });
    expect(classifyGraphResponse(429, { error: {} })).toMatchObject({ retryable: true });
  });
});

describe("classifyNetworkError", () => {
  it("names a timeout", () => {
    const failure = classifyNetworkError(new DOMException("timed out", "TimeoutError"), 10_000);
    expect(failure).toStrictEqual({
      retryable: true,
      code: null,
      title: "Timeout",
      httpStatus: null,
      reason: "WhatsApp didn't answer within 10 seconds. It will be sent again automatically.",
    });
  });

  it("names a reset connection and tolerates non-errors", () => {
    const reset = new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
    expect(classifyNetworkError(reset, 1000).reason).toContain("connection closed unexpectedly");
    expect(classifyNetworkError("weird", 1000)).toMatchObject({ retryable: true, code: null });
  });
});
