import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, permanentRedirect } from "next/navigation";
import { VersePage } from "@/components/listener/verse-page";
import { getVersePageData } from "@/lib/catalog/verse-pages/passage-moments";
import { pagePassagePath } from "@/lib/catalog/scripture/passage-page-path";
import { versePageMetadata } from "@/lib/catalog/verse-pages/verse-page-metadata";
import { publicOrigin } from "@/lib/platform/http/public-origin";

/** The chapter page's and the verse page's props: `verse` only on the latter. */
export type VerseRouteProps = {
  params: Promise<{ book: string; chapter: string; verse?: string }>;
  searchParams: Promise<{ church?: string | string[] }>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function load({ params, searchParams }: VerseRouteProps) {
  const { book, chapter, verse } = await params;
  const church = first((await searchParams).church) || undefined;
  return { book, church, data: await getVersePageData(book, chapter, verse, church) };
}

export async function verseRouteMetadata(props: VerseRouteProps): Promise<Metadata> {
  const { data } = await load(props);
  if (!data) return { title: "Passage not found" };
  return versePageMetadata(data, publicOrigin(await headers()));
}

/** Every published moment where the chapter or verse is read or discussed. */
export async function VerseRoute(props: VerseRouteProps) {
  const { book, church, data } = await load(props);
  if (!data) notFound();
  // An alias ("jn", "1cor") answers at the canonical address, so links and shares agree.
  if (book !== data.passage.bookSlug) {
    const path = pagePassagePath(data.passage);
    permanentRedirect(church ? `${path}?${new URLSearchParams({ church })}` : path);
  }
  return <VersePage data={data} />;
}
