import { createServer, type IncomingMessage } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";

/**
 * A WebSocket-to-TCP bridge in the shape Neon's serverless driver expects
 * (`ws://<proxy>/v2?address=host:port`), so the production driver can reach a
 * plain PostgreSQL server in development and tests. Development tool only: it
 * speaks unencrypted WebSockets and should listen on loopback.
 */

export type WsTcpProxyOptions = {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /**
   * Targets the proxy may connect to, as "host" (any port) or "host:port".
   * Defaults to loopback hosts only, so the proxy is never an open relay.
   */
  allowedTargets?: readonly string[];
};

export type WsTcpProxy = {
  port: number;
  /** host:port, the form DATABASE_WS_PROXY and openPostgres() take. */
  address: string;
  close: () => Promise<void>;
};

const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1"];
const CONNECT_TIMEOUT_MS = 10_000;

type Target = { host: string; port: number };

function parseTarget(address: string | null): Target | undefined {
  if (!address) return undefined;
  const separator = address.lastIndexOf(":");
  if (separator <= 0) return undefined;
  const host = address.slice(0, separator).replace(/^\[(.*)\]$/, "$1");
  const port = Number(address.slice(separator + 1));
  if (!host || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host, port };
}

/** An allow-list entry: "host", "host:port", "[v6]" or "[v6]:port" (a bare "::1" is a host). */
function parseAllowedEntry(entry: string): { host: string; port?: number } {
  const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(entry);
  if (bracketed)
    return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : undefined };
  const parts = entry.split(":");
  if (parts.length === 2) return { host: parts[0]!, port: Number(parts[1]) };
  return { host: entry };
}

function isAllowed(target: Target, allowedTargets: readonly string[]): boolean {
  return allowedTargets.some((entry) => {
    const allowed = parseAllowedEntry(entry);
    return (
      allowed.host === target.host && (allowed.port === undefined || allowed.port === target.port)
    );
  });
}

/** Answers an upgrade request with a plain HTTP error (for requests that are not from the driver at all). */
function rejectUpgrade(socket: Duplex, status: number, statusText: string, detail: string): void {
  const body = `${detail}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * A PostgreSQL ErrorResponse (SQLSTATE 08001). Sent instead of a bare close or an HTTP
 * error so that the driver surfaces the proxy's reason ("Cannot connect to …") to the user.
 */
function postgresConnectionError(message: string): Buffer {
  const fields = Buffer.concat(
    [
      ["S", "FATAL"],
      ["V", "FATAL"],
      ["C", "08001"],
      ["M", message],
    ].map(([code, value]) => Buffer.from(`${code}${value}\0`, "utf8")),
  );
  const header = Buffer.alloc(5);
  header.write("E", 0, "ascii");
  header.writeInt32BE(4 + fields.length + 1, 1);
  return Buffer.concat([header, fields, Buffer.from([0])]);
}

function refuseWithPostgresError(webSocket: WebSocket, message: string): void {
  webSocket.send(postgresConnectionError(message), { binary: true });
  webSocket.close(1011, message.slice(0, 120));
}

function pipeWebSocketToTcp(webSocket: WebSocket, tcp: Socket): void {
  webSocket.on("message", (data: RawData) => {
    const chunk = Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(data);
    if (!tcp.destroyed) tcp.write(chunk);
  });
  tcp.on("data", (chunk) => {
    if (webSocket.readyState === webSocket.OPEN) webSocket.send(chunk, { binary: true });
  });
  webSocket.on("close", () => tcp.destroy());
  webSocket.on("error", () => tcp.destroy());
  tcp.on("close", () => webSocket.close());
  tcp.on("error", (error) => {
    // Close reasons are limited to 123 bytes.
    if (webSocket.readyState === webSocket.OPEN) webSocket.close(1011, error.message.slice(0, 120));
  });
}

export async function startWsTcpProxy(options: WsTcpProxyOptions): Promise<WsTcpProxy> {
  const host = options.host ?? "127.0.0.1";
  const allowedTargets = options.allowedTargets ?? LOOPBACK_HOSTS;
  const webSockets = new WebSocketServer({ noServer: true });
  const openSockets = new Set<Duplex>();
  const httpServer = createServer((_request, response) => {
    response.writeHead(426, { "Content-Type": "text/plain" }).end("WebSocket upgrade required\n");
  });

  httpServer.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    openSockets.add(socket);
    socket.on("close", () => openSockets.delete(socket));
    socket.on("error", () => socket.destroy());

    const url = new URL(request.url ?? "/", "http://proxy");
    const target = parseTarget(url.searchParams.get("address"));
    if (url.pathname !== "/v2" || !target) {
      rejectUpgrade(socket, 400, "Bad Request", "Expected /v2?address=host:port");
      return;
    }
    const refuse = (message: string) => {
      webSockets.handleUpgrade(request, socket, head, (webSocket) =>
        refuseWithPostgresError(webSocket, message),
      );
    };
    if (!isAllowed(target, allowedTargets)) {
      refuse(`WebSocket proxy: ${target.host}:${target.port} is not an allowed target`);
      return;
    }

    // Connect before accepting the WebSocket so that an unreachable server is reported
    // as a connection error instead of data going nowhere.
    const tcp = connect({ host: target.host, port: target.port });
    tcp.setNoDelay(true);
    tcp.setTimeout(CONNECT_TIMEOUT_MS, () => tcp.destroy(new Error("connection timed out")));
    openSockets.add(tcp);
    tcp.on("close", () => openSockets.delete(tcp));
    let connected = false;
    tcp.on("error", (error) => {
      if (!connected)
        refuse(
          `WebSocket proxy: cannot connect to ${target.host}:${target.port} (${error.message})`,
        );
    });
    tcp.once("connect", () => {
      connected = true;
      tcp.setTimeout(0);
      webSockets.handleUpgrade(request, socket, head, (webSocket) =>
        pipeWebSocketToTcp(webSocket, tcp),
      );
    });
    socket.once("close", () => tcp.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;

  return {
    port,
    address: `${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: async () => {
      for (const socket of openSockets) socket.destroy();
      for (const webSocket of webSockets.clients) webSocket.terminate();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
      const closed = new Promise<void>((resolve, reject) =>
        httpServer.close((error) => (error ? reject(error) : resolve())),
      );
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
