/**
 * The Bible translations transcripts can be snapped to: public-domain SWORD modules that
 * Debian packages (scripts/ensure-deps.sh installs them). The text is read from the installed
 * module, never kept in the repository.
 */
export const BIBLE_TRANSLATIONS = {
  WEB: { module: "engWEB2015eb", debianPackage: "sword-text-web", name: "World English Bible" },
  KJV: { module: "engKJV2006eb", debianPackage: "sword-text-kjv", name: "King James Version" },
} as const;

export type BibleTranslation = keyof typeof BIBLE_TRANSLATIONS;
export const BIBLE_TRANSLATION_IDS = Object.keys(BIBLE_TRANSLATIONS) as [
  BibleTranslation,
  ...BibleTranslation[],
];
