"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { markSimulatorReadAction } from "@/app/(dashboard)/dashboard/simulator/actions/mark-simulator-read";

/**
 * Keeps the simulated chat live: re-renders the page every `intervalMs` while it is
 * visible, and reports the store's delivered messages as read, as a phone with the chat
 * open would. `deliveredIds` changes whenever new messages arrive on the "phone".
 */
export function ThreadRefresher({
  deliveredIds,
  intervalMs = 2000,
}: {
  deliveredIds: string[];
  intervalMs?: number;
}) {
  const router = useRouter();
  const reading = useRef(false);
  const deliveredKey = deliveredIds.join(",");

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);

  useEffect(() => {
    if (!deliveredKey || reading.current || document.visibilityState !== "visible") return;
    reading.current = true;
    markSimulatorReadAction()
      .then((read) => {
        if (read > 0) router.refresh();
      })
      .catch(() => undefined)
      .finally(() => {
        reading.current = false;
      });
  }, [deliveredKey, router]);

  return null;
}
