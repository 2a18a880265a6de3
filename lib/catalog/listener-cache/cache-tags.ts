/**
 * The cache tags of what listeners see, in one place. `lib/catalog/queries.ts` caches the
 * listener pages' data under them; writers expire them (`invalidate-church-pages.ts`,
 * `invalidate-sermon-page.ts`). They are made of slugs because the pages are addressed by
 * slugs, and a cached read has to name its tags before it runs; slugs never change once made.
 */

/** The home page: every church with its counts, and the latest sermons of all of them. */
export const CATALOG_TAG = "catalog";

/** Every page of one church: the church, its series, its speakers and its sermons' pages. */
export const churchTag = (churchSlug: string) => `church:${churchSlug}`;

/** One sermon's page, for what shows nowhere else (its transcript and spoken scripture). */
export const sermonTag = (churchSlug: string, sermonSlug: string) =>
  `sermon:${churchSlug}/${sermonSlug}`;

/**
 * One church's podcast feeds (besides its pages' tag, which they carry too), for the one thing
 * they show that no church page does: which sermons have a transcript.
 */
export const churchFeedsTag = (churchSlug: string) => `feeds:${churchSlug}`;

/** Next ignores longer tags (with a warning), so a read that would need one is not cached. */
export const MAX_TAG_LENGTH = 256;
