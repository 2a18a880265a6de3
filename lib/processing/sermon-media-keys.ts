/** One upload of one sermon: every object it produces lives under its own prefix. */
export interface SermonMediaVersion {
  churchId: string;
  sermonId: string;
  mediaVersion: number;
}

/**
 * `churches/<churchId>/sermons/<sermonId>/v<mediaVersion>`, the layout the upload flow uses for
 * originals (lib/uploads): the outputs of a version sit beside its original, so a newer upload
 * never overwrites what listeners are streaming.
 */
export const sermonVersionPrefix = ({ churchId, sermonId, mediaVersion }: SermonMediaVersion) =>
  `churches/${churchId}/sermons/${sermonId}/v${mediaVersion}`;

/** The object key of an output file, from its path relative to the output folder. */
export const sermonOutputKey = (version: SermonMediaVersion, relativeKey: string) =>
  `${sermonVersionPrefix(version)}/${relativeKey}`;

/**
 * The media version an output key belongs to, when it lies under this sermon's own prefix
 * (anything else, such as another sermon's key, gives undefined).
 */
export function versionOfKey(
  key: string,
  { churchId, sermonId }: Omit<SermonMediaVersion, "mediaVersion">,
): number | undefined {
  const prefix = `churches/${churchId}/sermons/${sermonId}/v`;
  if (!key.startsWith(prefix)) return undefined;
  const match = /^(\d{1,9})\//.exec(key.slice(prefix.length));
  return match ? Number(match[1]) : undefined;
}
