/** An output file that is complete and may be uploaded now, under `key`. */
export interface ReadyFile {
  kind: "init" | "segment" | "playlist" | "master" | "download" | "waveform" | "silence-map";
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the output folder, with `/`: deterministic, so a retry overwrites. */
  key: string;
}

/**
 * Called in publishing order: a playlist only after every file it lists, the master only
 * after every rendition playlist. Calls are sequential; returning a promise (an upload)
 * holds back the next file until it settles, so awaiting the upload keeps that order remote.
 */
export type OnFileReady = (file: ReadyFile) => void | Promise<void>;
