// A route that does no database work: the baseline bench/redirect.ts compares /go against.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
