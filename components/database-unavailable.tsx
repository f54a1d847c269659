import { DatabaseZap } from "lucide-react";

/** Shown in place of a page when the configured database cannot be reached. */
export function DatabaseUnavailable({ reason }: { reason: string }) {
  return (
    <div
      role="alert"
      className="mx-auto my-16 grid max-w-xl gap-3 rounded-xl border border-destructive/40 bg-destructive/5 p-6"
    >
      <div className="flex items-center gap-2 font-semibold text-destructive">
        <DatabaseZap className="size-5" aria-hidden />
        The database is unreachable
      </div>
      <p className="text-sm">{reason}</p>
      <p className="text-sm text-muted-foreground">
        Check DATABASE_URL (and DATABASE_WS_PROXY for a local server), then reload this page.
      </p>
    </div>
  );
}
