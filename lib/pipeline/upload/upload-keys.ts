import { sermonOutputKey } from "@/lib/catalog/sermons/sermon-version";
import { slugify } from "@/lib/platform/text/slugify";
import { extensionOf } from "./accepted-media";

/**
 * The server decides the key; the file name only contributes a safe, readable stem. Objects of
 * one upload live under the version they will become, so a retry never mixes versions.
 */
export function originalKey(churchId: string, sermonId: string, mediaVersion: number, fileName: string): string {
  const stem = slugify(fileName.replace(/\.[^.]*$/, ""));
  return sermonOutputKey({ churchId, sermonId, mediaVersion }, `original/${stem}.${extensionOf(fileName)}`);
}
