"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { DashboardMessages } from "@/lib/dashboard-i18n/messages";
import { prefilledTextFrom } from "@/lib/simulator/prefill";

/**
 * Starts the message box from a tracked link: the owner pastes the WhatsApp address a chat
 * link opened (or just its message) and the box gets the text, ref included, via `?text=`.
 */
export function TrackedLinkHelper({
  t,
}: {
  t: Pick<DashboardMessages["simulator"], "trackedLink" | "trackedLinkHelp" | "putInMessageBox">;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pasted, setPasted] = useState("");
  return (
    <form
      className="grid gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const text = prefilledTextFrom(pasted);
        if (!text) return;
        router.replace(`${pathname}?text=${encodeURIComponent(text)}`);
        setPasted("");
      }}
    >
      <FormField label={t.trackedLink} description={t.trackedLinkHelp}>
        <Input
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          placeholder="https://wa.me/…?text=… (ref K7Q2X)"
        />
      </FormField>
      <div>
        <Button type="submit" variant="outline" size="sm" disabled={!pasted.trim()}>
          {t.putInMessageBox}
        </Button>
      </div>
    </form>
  );
}
