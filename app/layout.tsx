import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
import { SiteFooter } from "@/components/site-footer";
import { NowPlayingGate } from "@/components/player/now-playing/now-playing-gate";
import { ServiceWorkerRegistration } from "@/components/offline/service-worker-registration";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Selah — sermons worth returning to", template: "%s · Selah" },
  description:
    "Stream sermons from your church and find the exact moment that answers your question.",
  appleWebApp: { capable: true, title: "Selah", statusBarStyle: "default" },
  icons: { icon: "/icons/icon.svg", apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1c1917" };

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-stone-50 font-sans text-stone-900 antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-medium text-amber-800 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus-visible:outline-2 focus-visible:outline-amber-600"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
        <NowPlayingGate />
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
