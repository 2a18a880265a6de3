import type { Metadata } from "next";
import { shareLinks } from "@/lib/catalog/sharing/share-links";
import type { VersePageData } from "./passage-moments";
import { pagePassagePath } from "@/lib/catalog/scripture/passage-page-path";

/**
 * A verse page's title and link preview (Open Graph, Twitter summary card), with its canonical
 * URL (the canonical book slug; `?church=` kept, since it is a different list). URLs are
 * absolute on `origin` (lib/platform/http/public-origin.ts).
 */
export function versePageMetadata(data: VersePageData, origin: string): Metadata {
  const { passage, church, moments } = data;
  const path = pagePassagePath(passage);
  const url = shareLinks.absolute(
    origin,
    church ? `${path}?${new URLSearchParams({ church: church.slug })}` : path,
  );
  const sermons = new Set(moments.moments.map((m) => `${m.church.slug}/${m.sermonSlug}`)).size;
  const where = church ? `at ${church.name}` : "on Selah";
  const title = church ? `${passage.label} · ${church.name}` : passage.label;
  const description =
    sermons === 0
      ? `Sermons ${where} that read or discuss ${passage.label} appear here.`
      : `${sermons}${moments.truncated ? "+" : ""} ${sermons === 1 ? "sermon" : "sermons"} ${where} read or discuss ${passage.label}: play each from the moment it comes up.`;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: "Selah", url, title, description },
    twitter: { card: "summary", title, description },
  };
}
