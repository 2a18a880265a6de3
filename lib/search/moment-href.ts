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
  return `/churches/${encodeURIComponent(moment.churchSlug)}/sermons/${encodeURIComponent(moment.sermonSlug)}?t=${seconds}`;
}
