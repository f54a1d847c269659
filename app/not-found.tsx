import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, MessageCircleQuestionMark } from "lucide-react";

import { Button } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 text-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-primary/10 text-primary">
        <MessageCircleQuestionMark className="size-7" aria-hidden="true" />
      </span>
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-muted-foreground">404</p>
        <h1 className="text-3xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
        <p className="max-w-md text-muted-foreground">
          The link may be old or mistyped. Let&apos;s get you back to somewhere useful.
        </p>
      </div>
      <Button asChild>
        <Link href="/">
          <ArrowLeft aria-hidden="true" />
          Back to the home page
        </Link>
      </Button>
    </main>
  );
}
