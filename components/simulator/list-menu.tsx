"use client";

import { List, X } from "lucide-react";
import { useState } from "react";
import type { ListSection } from "@/lib/whatsapp/content";
import { TapReplyButton } from "./tap-reply-button";

/** A list message's menu button: opens its rows, as WhatsApp does in a bottom sheet. */
export function ListMenu({
  button,
  sections,
  profileName,
}: {
  button: string;
  sections: ListSection[];
  profileName: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="border-t border-black/5 dark:border-white/10">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-center gap-2 px-3 py-2 text-sm font-medium text-sky-700 hover:bg-sky-50 dark:text-sky-300 dark:hover:bg-sky-950"
      >
        {open ? <X className="size-4" aria-hidden /> : <List className="size-4" aria-hidden />}
        {button}
      </button>
      {open ? (
        <div role="group" aria-label={button} className="grid gap-1 pb-2">
          {sections.map((section, index) => (
            <div key={`${section.title}-${index}`}>
              <p className="px-3 pt-2 text-xs font-medium text-emerald-700 uppercase dark:text-emerald-400">
                {section.title}
              </p>
              {section.rows.map((row) => (
                <TapReplyButton
                  key={row.id}
                  profileName={profileName}
                  reply={{ kind: "list_reply", ...row }}
                  className="text-left text-foreground dark:text-foreground"
                >
                  <span className="block">{row.title}</span>
                  {row.description ? (
                    <span className="block text-xs font-normal text-muted-foreground">
                      {row.description}
                    </span>
                  ) : null}
                </TapReplyButton>
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
