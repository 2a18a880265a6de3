import { sermonOutputKey } from "@/lib/catalog/sermons/sermon-version";
import { slugify } from "@/lib/platform/text/slugify";

/**
 * The server decides the key; the file name only contributes a safe, readable stem, and the
 * extension is the one detection chose (lib/pipeline/upload/accepted-media.ts): until the
 * upload completes, the name's own when it is a media extension, none otherwise. Objects of
 * one upload live under the version they will become, so a retry never mixes versions.
 */
export function originalKey(
  churchId: string,
  sermonId: string,
  mediaVersion: number,
  fileName: string,
  extension: string,
): string {
  const stem = slugify(fileName.replace(/\.[^.]*$/, ""));
  return sermonOutputKey(
    { churchId, sermonId, mediaVersion },
    `original/${stem}${extension ? `.${extension}` : ""}`,
  );
}

/** `key` with the extension detection chose in place of its provisional one (if it had one). */
export function originalKeyWithExtension(
  key: string,
  provisionalExtension: string,
  extension: string,
): string {
  const base =
    provisionalExtension && key.endsWith(`.${provisionalExtension}`)
      ? key.slice(0, -(provisionalExtension.length + 1))
      : key;
  return `${base}.${extension}`;
}
