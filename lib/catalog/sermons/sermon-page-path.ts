/** The listener page of a sermon, from its church's slug and its own. */
export const sermonPagePath = (churchSlug: string, sermonSlug: string) =>
  `/churches/${encodeURIComponent(churchSlug)}/sermons/${encodeURIComponent(sermonSlug)}`;
