import type { Metadata } from "next";
import { DownloadsList } from "@/components/offline/downloads-list";

// Rendered per request, like every page: its scripts carry the request's CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Downloads" };

/**
 * The sermons kept on this device for listening offline. The list lives in the browser, so
 * the page is the same for everyone: the service worker keeps it as the app's offline shell.
 */
export default function DownloadsPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Downloads</h1>
      <p className="mt-2 text-sm text-stone-600">
        Sermons kept on this device. They play with no connection, in the browser or in Selah
        installed as an app.
      </p>
      <DownloadsList />
    </div>
  );
}
