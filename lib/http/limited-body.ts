/** The request body, or "too-large" as soon as it is known to exceed `maxBytes`. */
export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" };

/**
 * Reads at most `maxBytes` of a request body. A Content-Length over the limit is refused
 * before anything is read; otherwise the stream is counted as it arrives and cancelled the
 * moment it passes the limit (Content-Length may be absent or wrong).
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "too-large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
