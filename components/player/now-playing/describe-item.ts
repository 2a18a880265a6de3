import { formatDuration } from "@/lib/platform/text/format";
import type { NowPlayingItem } from "./now-playing-queue";

/** "Title · Speaker · 12:34": what is said (and shown) as an item begins. */
export function describeItem(item: NowPlayingItem): string {
  const at = item.clip ? formatDuration(item.clip.startMs) : null;
  return [item.title, item.speaker, at].filter(Boolean).join(" · ");
}

/** "Speaker · Church", and a clip's stretch: the line under an item's title. */
export function itemDetail(item: NowPlayingItem): string {
  const at = item.clip
    ? `${formatDuration(item.clip.startMs)}–${formatDuration(item.clip.endMs)}`
    : null;
  return [item.speaker, item.church, at].filter(Boolean).join(" · ");
}
