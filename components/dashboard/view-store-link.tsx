import { ExternalLink } from "lucide-react";

/** "View store" and the storefront's address, so the owner can find and share it. */
export function ViewStoreLink({
  href,
  address,
  label,
}: {
  href: string;
  address: string;
  label: string;
}) {
  return (
    <div className="grid gap-0.5 px-1" data-testid="view-store">
      <a
        href={href}
        target="_blank"
        rel="noopener"
        className="inline-flex items-center gap-1.5 text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {label}
        <ExternalLink className="size-3.5" aria-hidden />
      </a>
      <p className="truncate text-xs text-muted-foreground" title={address}>
        {address}
      </p>
    </div>
  );
}
