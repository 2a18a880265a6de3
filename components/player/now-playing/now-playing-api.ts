import type { PlayableSermon } from "@/lib/catalog/playback/playable-sermons";
import { itemKey, type NowPlayingClip, type NowPlayingItem } from "./now-playing-queue";

/** A playable sermon (or a clip of it) as the player's item. */
export function itemFromSermon(
  sermon: PlayableSermon,
  clip: NowPlayingClip | null = null,
): NowPlayingItem {
  return {
    key: itemKey(sermon.id, clip),
    sermonId: sermon.id,
    title: sermon.title,
    speaker: sermon.speaker,
    church: sermon.church,
    series: sermon.series,
    href: sermon.href,
    streamUrl: sermon.streamUrl,
    downloadUrl: sermon.downloadUrl,
    durationMs: sermon.durationMs,
    clip,
  };
}

/** The sermons of `ids` listeners can play, in that order (app/api/playable-sermons). */
export async function fetchPlayableSermons(ids: readonly string[]): Promise<PlayableSermon[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const response = await fetch(
    `/api/playable-sermons?ids=${unique.map(encodeURIComponent).join(",")}`,
  );
  if (!response.ok) throw new Error("The sermons could not be loaded. Please try again.");
  return ((await response.json()) as { sermons: PlayableSermon[] }).sermons;
}

/** A moment of a sermon to play: what an answer cites, what a search finds. */
export interface MomentToPlay {
  sermonId: string;
  startMs: number;
  endMs: number;
}

/** The moments as clips, in order; those of sermons no longer playable are left out. */
export async function clipsOf(moments: readonly MomentToPlay[]): Promise<NowPlayingItem[]> {
  const sermons = new Map(
    (await fetchPlayableSermons(moments.map((moment) => moment.sermonId))).map((sermon) => [
      sermon.id,
      sermon,
    ]),
  );
  return moments.flatMap((moment) => {
    const sermon = sermons.get(moment.sermonId);
    return sermon && moment.endMs > moment.startMs
      ? [itemFromSermon(sermon, { startMs: moment.startMs, endMs: moment.endMs })]
      : [];
  });
}

/** The series' next sermon after `sermonId`, or null (none, or it could not be asked). */
export async function fetchNextInSeries(sermonId: string): Promise<NowPlayingItem | null> {
  try {
    const response = await fetch(`/api/sermons/${encodeURIComponent(sermonId)}/next-in-series`);
    if (!response.ok) return null;
    const { sermon } = (await response.json()) as { sermon: PlayableSermon | null };
    return sermon ? itemFromSermon(sermon) : null;
  } catch {
    return null;
  }
}
