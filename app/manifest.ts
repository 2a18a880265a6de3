import type { MetadataRoute } from "next";

/** The web app manifest: what a phone or desktop needs to install Selah as an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Selah — sermons worth returning to",
    short_name: "Selah",
    description:
      "Stream sermons from your church, find the moment that answers your question, and keep sermons for listening offline.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#1c1917",
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      {
        src: "/icons/icon-maskable-512.png",
        sizes: "512x512",
        type: "image/png",
        purpose: "maskable",
      },
    ],
    shortcuts: [{ name: "Downloads", url: "/downloads" }],
  };
}
