import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for `POST {graph}/{phone_number_id}/messages` (and the phone-number look-up
 * `GET {graph}/{phone_number_id}?fields=…`) on 127.0.0.1. Answers succeed
 * unless behaviours were queued with `respondWith`; each queued behaviour answers one request.
 * Error bodies follow Meta's shape: `{ error: { message, type, code, error_data, fbtrace_id } }`.
 */

export type FakeGraphBehaviour =
  | { ok: true }
  /** An error (or any status) in Meta's shape; `body` replaces the generated body entirely. */
  | { status: number; code?: number; retryAfterSeconds?: number; body?: unknown }
  /** Waits before answering, to test client timeouts. */
  | { delayMs: number; then: FakeGraphBehaviour }
  /** Destroys the socket without answering. */
  | { dropConnection: true };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it wasn't JSON. */
  body: unknown;
};

export type FakeGraphApi = {
  /** Base URL to pass as `graphApiUrl` (includes an API version segment). */
  url: string;
  requests: RecordedRequest[];
  respondWith(...behaviours: FakeGraphBehaviour[]): void;
  close(): Promise<void>;
};

export type FakeGraphApiOptions = {
  /** When set, any other bearer token gets 401 / code 190. */
  accessToken?: string;
  /**
   * Phone numbers `GET /{phone-number-id}?fields=…` knows, each usable by one token; any
   * other id or token gets Meta's code 100 "Unsupported get request".
   */
  phoneNumbers?: Record<
    string,
    { token: string; displayPhoneNumber: string; verifiedName: string }
  >;
};

type MetaError = { message: string; details?: string };

// Wording as Meta returns it (message) and its error_data.details.
const META_ERRORS: Record<number, MetaError> = {
  1: { message: "An unknown error has occurred." },
  100: { message: "(#100) Invalid parameter" },
  130429: {
    message: "(#130429) Rate limit hit",
    details: "Cloud API message throughput has been reached.",
  },
  131000: { message: "(#131000) Something went wrong", details: "Something went wrong" },
  131026: {
    message: "(#131026) Message undeliverable",
    details: "Message failed to send because the recipient could not be reached.",
  },
  131047: {
    message: "(#131047) Re-engagement message",
    details:
      "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
  },
  131056: {
    message: "(#131056) (Business Account, Consumer Account) pair rate limit hit",
    details:
      "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.",
  },
  190: { message: "Invalid OAuth access token - Cannot parse access token" },
};

export async function startFakeGraphApi(options: FakeGraphApiOptions = {}): Promise<FakeGraphApi> {
  const requests: RecordedRequest[] = [];
  const queue: FakeGraphBehaviour[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;
  let trace = 0;

  const errorBody = (code: number): unknown => {
    const known = META_ERRORS[code] ?? { message: `(#${code}) Error ${code}` };
    return {
      error: {
        message: known.message,
        type: "OAuthException",
        code,
        ...(known.details
          ? { error_data: { messaging_product: "whatsapp", details: known.details } }
          : {}),
        fbtrace_id: `AfakeTrace${++trace}`,
      },
    };
  };

  const sendJson = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
    res.end(JSON.stringify(body));
  };

  const apply = (behaviour: FakeGraphBehaviour, res: ServerResponse, to: unknown): void => {
    if ("dropConnection" in behaviour) {
      res.socket?.destroy();
      return;
    }
    if ("delayMs" in behaviour) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        apply(behaviour.then, res, to);
      }, behaviour.delayMs);
      timers.add(timer);
      return;
    }
    if ("ok" in behaviour) {
      const input = typeof to === "string" ? to : "";
      sendJson(res, 200, {
        messaging_product: "whatsapp",
        contacts: [{ input, wa_id: input.replace(/\D/g, "") }],
        messages: [{ id: `wamid.${++counter}` }],
      });
      return;
    }
    const headers: Record<string, string> =
      behaviour.retryAfterSeconds !== undefined
        ? { "retry-after": String(behaviour.retryAfterSeconds) }
        : {};
    const body = behaviour.body !== undefined ? behaviour.body : errorBody(behaviour.code ?? 1);
    sendJson(res, behaviour.status, body, headers);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const body = parseJson(text);
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });

      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!token || (options.accessToken !== undefined && token !== options.accessToken)) {
        sendJson(res, 401, errorBody(190), { "www-authenticate": 'OAuth "Facebook Platform"' });
        return;
      }
      const lookup = /^\/v\d+\.\d+\/(\d+)\?fields=/.exec(req.url ?? "");
      if (req.method === "GET" && lookup) {
        const behaviour = queue.shift();
        if (behaviour) return apply(behaviour, res, undefined);
        const number = options.phoneNumbers?.[lookup[1] ?? ""];
        if (!number || number.token !== token) {
          sendJson(res, 400, {
            error: {
              message: `Unsupported get request. Object with ID '${lookup[1]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
              type: "GraphMethodException",
              code: 100,
              error_subcode: 33,
              fbtrace_id: `AfakeTrace${++trace}`,
            },
          });
          return;
        }
        sendJson(res, 200, {
          display_phone_number: number.displayPhoneNumber,
          verified_name: number.verifiedName,
          id: lookup[1],
        });
        return;
      }
      if (req.method !== "POST" || !/^\/v\d+\.\d+\/[^/]+\/messages$/.test(req.url ?? "")) {
        sendJson(res, 400, errorBody(100));
        return;
      }
      const to = typeof body === "object" && body !== null && "to" in body ? body.to : undefined;
      apply(queue.shift() ?? { ok: true }, res, to);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v23.0`,
    requests,
    respondWith: (...behaviours) => {
      queue.push(...behaviours);
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
