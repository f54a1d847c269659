"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  const timer = setInterval(onChange, 1000);
  return () => clearInterval(timer);
}

// Whole seconds, so consecutive reads within a second return the same snapshot.
const now = () => Math.floor(Date.now() / 1000) * 1000;

/** The current time, ticking every second; null while rendering on the server and hydrating. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, now, () => null);
}
