import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";

/**
 * The listener page that plays a sermon from a moment. Built in this one place so the route
 * (app/churches/[church]/sermons/[sermon], which honours ?t=<seconds>) is one edit away.
 */
export function momentHref(moment: {
  churchSlug: string;
  sermonSlug: string;
  startMs: number;
}): string {
  const seconds = Math.floor(moment.startMs / 1000);
  return `${sermonPagePath(moment.churchSlug, moment.sermonSlug)}?t=${seconds}`;
}
