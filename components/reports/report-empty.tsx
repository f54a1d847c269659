import { ChartNoAxesColumn } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** A chart or report without data: what would appear, and what to do to get it. */
export function ReportEmpty({
  title,
  text,
  actions = [],
  testId = "report-empty",
}: {
  title?: string;
  text: string;
  actions?: { href: string; label: string }[];
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className="flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-10 text-center"
    >
      <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <ChartNoAxesColumn className="size-6" aria-hidden />
      </span>
      <div className="grid gap-1">
        {title ? <p className="font-medium">{title}</p> : null}
        <p className="max-w-md text-sm text-muted-foreground">{text}</p>
      </div>
      {actions.length > 0 ? (
        <div className="flex flex-wrap justify-center gap-2">
          {actions.map((action, index) => (
            <Button
              key={action.href}
              asChild
              size="sm"
              variant={index === 0 ? "default" : "outline"}
            >
              <Link href={action.href}>{action.label}</Link>
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
