/**
 * `npm run db:proxy`: lets the Neon serverless driver (the production code path)
 * reach a local PostgreSQL. Listens on DB_PROXY_PORT (default 5433), loopback only.
 */
import { startWsTcpProxy } from "@/lib/db-proxy/ws-tcp-proxy";

const port = Number(process.env.DB_PROXY_PORT ?? 5433);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`DB_PROXY_PORT must be a port number, got "${process.env.DB_PROXY_PORT}"`);
  process.exit(1);
}

const proxy = await startWsTcpProxy({ port }).catch((error: NodeJS.ErrnoException) => {
  const hint =
    error.code === "EADDRINUSE"
      ? " (already in use: is another proxy running? set DB_PROXY_PORT)"
      : "";
  console.error(`Cannot start the WebSocket proxy on port ${port}${hint}: ${error.message}`);
  process.exit(1);
});

console.log(`WebSocket-to-TCP proxy for PostgreSQL listening on ws://${proxy.address}/v2 (loopback targets only)

Run the app against a local PostgreSQL through the Neon driver:
  createdb -h 127.0.0.1 -U postgres chatcart   # once
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/chatcart DATABASE_WS_PROXY=${proxy.address} npm run db:migrate
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/chatcart DATABASE_WS_PROXY=${proxy.address} npm run dev

Press Ctrl+C to stop.`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the proxy`);
  await proxy.close();
  process.exit(0);
}
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));
