import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";
import { publiclyVisibleWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { getDb } from "@/lib/platform/db/client";

/** A sermon the listener bookmarked, for the account page. */
export interface BookmarkedSermon {
  sermonId: string;
  title: string;
  churchName: string;
  /** The sermon's page, where its bookmarks are listed. */
  path: string;
  count: number;
}

const SHOWN = 100;

/** The sermons this listener has bookmarks in (that listeners can still see), most marked first. */
export async function listBookmarkedSermons(listenerId: string): Promise<BookmarkedSermon[]> {
  const db = getDb();
  const groups = await db.bookmark.groupBy({
    by: ["sermonId"],
    where: { listenerId, sermon: publiclyVisibleWhere(new Date()) },
    _count: { _all: true },
    orderBy: { _count: { sermonId: "desc" } },
    take: SHOWN,
  });
  const sermons = await db.sermon.findMany({
    where: { id: { in: groups.map((group) => group.sermonId) } },
    select: { id: true, slug: true, title: true, church: { select: { slug: true, name: true } } },
  });
  const byId = new Map(sermons.map((sermon) => [sermon.id, sermon]));
  return groups.flatMap((group) => {
    const sermon = byId.get(group.sermonId);
    return sermon
      ? [
          {
            sermonId: sermon.id,
            title: sermon.title,
            churchName: sermon.church.name,
            path: sermonPagePath(sermon.church.slug, sermon.slug),
            count: group._count._all,
          },
        ]
      : [];
  });
}
