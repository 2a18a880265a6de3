"use client";

import { useEffect } from "react";
import { SERVICE_WORKER_URL } from "./offline-caches";

/**
 * Registers the service worker (offline pages and downloads, installing as an app) in the
 * built app, on Selah's own pages (not the embed). Not under `next dev`: it would keep yesterday's chunks while code is changing.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    // The embed, framed by another site, stays light: no worker and no precaching for it.
    if (window.top !== window.self || location.pathname.startsWith("/embed/")) return;
    navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" }).catch(() => {
      // No service worker (a private window may refuse one): Selah works online as before.
    });
  }, []);
  return null;
}
