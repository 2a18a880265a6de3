"use client";

import { useSyncExternalStore } from "react";
import { downloads, type DownloadsSnapshot } from "./downloads-store";

/** The listener's downloads, re-rendering as they change. */
export function useDownloads(): DownloadsSnapshot {
  return useSyncExternalStore(
    downloads.subscribe,
    downloads.getSnapshot,
    downloads.getServerSnapshot,
  );
}
