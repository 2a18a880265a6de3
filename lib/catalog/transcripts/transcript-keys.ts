import { type SermonVersion, sermonVersionPrefix } from "@/lib/catalog/sermons/sermon-version";

export interface TranscriptFileKeys {
  wordsKey: string;
  vttKey: string;
}

/**
 * Where one transcript's files live: beside the HLS output of the media version they were
 * timed against. A machine run names its folder after the provider, so a retried step
 * overwrites its own files; each uploaded transcript gets a folder of its own.
 */
export function transcriptFileKeys(version: SermonVersion, name: string): TranscriptFileKeys {
  const folder = `${sermonVersionPrefix(version)}/transcripts/${name}`;
  return { wordsKey: `${folder}/words.json`, vttKey: `${folder}/captions.vtt` };
}
