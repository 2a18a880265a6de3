import { cache } from "react";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { type Db, getDb } from "@/lib/platform/db/client";
import { newestFirst } from "@/lib/catalog/sermons/sermon-summary";
import { playableWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { shareLinks } from "@/lib/catalog/sharing/share-links";
import { BOOKS, bookName } from "@/lib/catalog/scripture/books";
import { bookSlug } from "@/lib/catalog/scripture/passage-page-path";
import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";
import { parsePassages } from "@/lib/catalog/scripture/parse-passages";

/** The passage a verse page is about: one chapter, or one verse of it. */
export interface PagePassage {
  /** OSIS id, e.g. "1Cor". */
  book: string;
  /** The canonical slug of the book ("1-corinthians"); an alias in the URL redirects to it. */
  bookSlug: string;
  chapter: number;
  verse: number | null;
  /** "John 3" or "John 3:16". */
  label: string;
  /** The passage's key range (see ScriptureRef); a chapter spans every verse key in it. */
  startKey: number;
  endKey: number;
}

const bySlug = new Map(BOOKS.map(([osis]) => [bookSlug(osis), osis]));
const NUMBER = /^[1-9]\d{0,2}$/;

/** The book a URL slug names: its canonical slug, or an alias the passage parser knows. */
function bookOfSlug(slug: string): string | null {
  const lower = slug.toLowerCase();
  const exact = bySlug.get(lower);
  if (exact) return exact;
  if (!/^[a-z0-9-]{2,40}$/.test(lower)) return null;
  const { passages, unrecognised } = parsePassages(`${lower.replaceAll("-", " ")} 1:1`);
  return passages.length === 1 && unrecognised.length === 0 ? passages[0]!.book : null;
}

/**
 * Reads a verse page's URL: a book slug (`john`, `1-corinthians`, `song-of-songs`, or an alias
 * such as `jn` or `1cor`), a chapter and an optional verse. Null when the book is unknown or the
 * chapter or verse is not in it, so the page answers 404.
 */
export function parsePagePassage(
  book: string,
  chapter: string,
  verse?: string,
): PagePassage | null {
  const osis = bookOfSlug(book);
  if (!osis || !NUMBER.test(chapter) || (verse !== undefined && !NUMBER.test(verse))) return null;
  const chapterNumber = Number(chapter);
  const verseNumber = verse === undefined ? null : Number(verse);
  // The parser knows each book's chapters and verses; it refuses "John 30" and "John 3:37".
  const name = bookName(osis);
  const parsed = parsePassages(
    verseNumber === null ? `${name} ${chapterNumber}` : `${name} ${chapterNumber}:${verseNumber}`,
  );
  const only = parsed.passages.length === 1 ? parsed.passages[0] : undefined;
  if (
    !only ||
    only.book !== osis ||
    only.startChapter !== chapterNumber ||
    only.endChapter !== chapterNumber ||
    (verseNumber !== null && only.startVerse !== verseNumber) ||
    (verseNumber === null && only.startVerse !== 1)
  ) {
    return null;
  }
  const chapterKey = only.startKey - (only.startKey % 1_000);
  return {
    book: osis,
    bookSlug: bookSlug(osis),
    chapter: chapterNumber,
    verse: verseNumber,
    label: `${name} ${chapterNumber}${verseNumber === null ? "" : `:${verseNumber}`}`,
    startKey: verseNumber === null ? chapterKey : only.startKey,
    endKey: verseNumber === null ? chapterKey + 999 : only.endKey,
  };
}

/** The chapter (or verse) before and after, within the book; null at its ends. */
export function neighbours(passage: PagePassage): {
  previous: PagePassage | null;
  next: PagePassage | null;
} {
  const step = (delta: number) =>
    passage.verse === null
      ? parsePagePassage(passage.bookSlug, String(passage.chapter + delta))
      : parsePagePassage(passage.bookSlug, String(passage.chapter), String(passage.verse + delta));
  return {
    previous: (passage.verse ?? passage.chapter) > 1 ? step(-1) : null,
    next: step(1),
  };
}

/** One place a passage is read or discussed in a published sermon. */
export interface PassageMoment {
  id: string;
  sermonTitle: string;
  sermonSlug: string;
  /** The sermon's page. */
  sermonHref: string;
  church: { slug: string; name: string };
  speaker: string | null;
  preachedOn: Date | null;
  /** The reference as stored, e.g. "John 3:1–21". */
  reference: string;
  /** `main`: the sermon's stated passage; `spoken`: heard in the transcript at `startMs`. */
  source: "main" | "spoken";
  /** Where playing starts: the moment a spoken reference is heard, 0 for the main passage. */
  startMs: number;
  /** The sermon's page, playing from `startMs`. */
  href: string;
}

export interface PassageMoments {
  /** Newest sermon first; within a sermon its main passage, then spoken ones in order. */
  moments: PassageMoment[];
  /** Whether more moments matched than `limit`. */
  truncated: boolean;
}

export const PASSAGE_MOMENTS_LIMIT = 200;

const overlapping = (passage: Pick<PagePassage, "startKey" | "endKey">) =>
  ({
    // Two ranges overlap when each starts before the other ends (the startKey/endKey index).
    startKey: { lte: passage.endKey },
    endKey: { gte: passage.startKey },
  }) satisfies Prisma.ScriptureRefWhereInput;

/**
 * The moments of sermons listeners can play (`playableWhere`) whose stored references, main
 * or spoken, overlap the passage; of one church when `churchSlug` is given. Bounded by `limit`.
 */
export async function findPassageMoments(
  db: Db,
  passage: Pick<PagePassage, "startKey" | "endKey">,
  options: { churchSlug?: string; now?: Date; limit?: number } = {},
): Promise<PassageMoments> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? PASSAGE_MOMENTS_LIMIT;
  const sermonWhere: Prisma.SermonWhereInput = {
    AND: [
      playableWhere(now),
      ...(options.churchSlug ? [{ church: { slug: options.churchSlug } }] : []),
    ],
  };
  const rows = await db.scriptureRef.findMany({
    where: { ...overlapping(passage), sermon: sermonWhere },
    orderBy: [
      ...newestFirst.map((order) => ({ sermon: order })),
      { sermonId: "asc" },
      { source: "asc" },
      { atMs: { sort: "asc", nulls: "first" } },
      { startKey: "asc" },
    ],
    take: limit + 1,
    select: {
      id: true,
      source: true,
      text: true,
      atMs: true,
      sermon: {
        select: {
          slug: true,
          title: true,
          preachedOn: true,
          church: { select: { slug: true, name: true } },
          speaker: { select: { name: true } },
        },
      },
    },
  });
  return {
    moments: rows.slice(0, limit).map((row) => {
      const startMs = row.source === "spoken" ? (row.atMs ?? 0) : 0;
      return {
        id: row.id,
        sermonTitle: row.sermon.title,
        sermonSlug: row.sermon.slug,
        sermonHref: sermonPagePath(row.sermon.church.slug, row.sermon.slug),
        church: row.sermon.church,
        speaker: row.sermon.speaker?.name ?? null,
        preachedOn: row.sermon.preachedOn,
        reference: row.text,
        source: row.source,
        startMs,
        href: shareLinks.sermonPage(row.sermon, startMs / 1000),
      };
    }),
    truncated: rows.length > limit,
  };
}

/** The churches with playable sermons that read or mention the passage: the page's filter. */
export async function findPassageChurches(
  db: Db,
  passage: Pick<PagePassage, "startKey" | "endKey">,
  now: Date = new Date(),
): Promise<Array<{ slug: string; name: string }>> {
  return db.church.findMany({
    where: {
      sermons: {
        some: { AND: [playableWhere(now), { scriptureRefs: { some: overlapping(passage) } }] },
      },
    },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
}

export interface VersePageData {
  passage: PagePassage;
  previous: PagePassage | null;
  next: PagePassage | null;
  /** The church the list is narrowed to by `?church=`. */
  church: { slug: string; name: string } | null;
  churches: Array<{ slug: string; name: string }>;
  moments: PassageMoments;
}

/**
 * A verse page (`/bible/{book}/{chapter}[/{verse}]`): the passage, its neighbours, and its
 * moments; null for a URL that names no passage, or an unknown church. Read fresh on each request (the index keeps
 * it cheap); React's cache() lets the page and its generateMetadata share one read.
 */
export const getVersePageData = cache(
  async (
    book: string,
    chapter: string,
    verse: string | undefined,
    churchSlug: string | undefined,
  ): Promise<VersePageData | null> => {
    const passage = parsePagePassage(book, chapter, verse);
    if (!passage) return null;
    const db = getDb();
    const now = new Date();
    const churches = await findPassageChurches(db, passage, now);
    let church = churches.find((entry) => entry.slug === churchSlug) ?? null;
    if (churchSlug && !church) {
      // A church with nothing on this passage gets the empty list; an unknown one, no page.
      church = await db.church.findUnique({
        where: { slug: churchSlug },
        select: { slug: true, name: true },
      });
      if (!church) return null;
    }
    const moments = await findPassageMoments(db, passage, { churchSlug: church?.slug, now });
    return { passage, ...neighbours(passage), church, churches, moments };
  },
);
