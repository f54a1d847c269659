"use client";

import { useEffect, useRef } from "react";

/** The chat's scroll area: follows the newest message, as a phone does. */
export function ThreadViewport({
  messageCount,
  children,
}: {
  messageCount: number;
  children: React.ReactNode;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = viewport.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messageCount]);
  return (
    <div ref={viewport} className="min-h-0 flex-1 overflow-y-auto px-3 py-4">
      {children}
    </div>
  );
}
