import { DOWNLOAD_NAME } from "@/lib/catalog/sermons/sermon-version";

/** The M4A download of one media version, as the media route serves it. */
export const downloadPath = (sermonId: string, mediaVersion: number) =>
  `/media/${encodeURIComponent(sermonId)}/v${mediaVersion}/${DOWNLOAD_NAME}`;

/** The current transcript's WebVTT captions (app/captions/[sermonId]). */
export const captionsPath = (sermonId: string) => `/captions/${encodeURIComponent(sermonId)}`;

/** The current transcript in the Podcasting 2.0 JSON format, beside the captions. */
export const transcriptJsonPath = (sermonId: string) => `${captionsPath(sermonId)}/transcript.json`;

/** The sermon's chapters in the Podcasting 2.0 JSON chapters format (app/api/sermons/[sermonId]). */
export const chaptersJsonPath = (sermonId: string) =>
  `/api/sermons/${encodeURIComponent(sermonId)}/chapters.json`;
