import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
import { SiteFooter } from "@/components/site-footer";
import { NowPlayingGate } from "@/components/player/now-playing/now-playing-gate";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Selah — sermons worth returning to", template: "%s · Selah" },
  description:
    "Stream sermons from your church and find the exact moment that answers your question.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1c1917" };

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-stone-50 font-sans text-stone-900 antialiased">
        <SiteHeader />
        <main className="flex-1">{children}</main>
        <SiteFooter />
        <NowPlayingGate />
      </body>
    </html>
  );
}
