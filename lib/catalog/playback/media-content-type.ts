const CONTENT_TYPES: Record<string, string> = {
  m3u8: "application/vnd.apple.mpegurl",
  // fMP4 init and media segments of audio-only renditions, and the M4A download.
  m4s: "audio/mp4",
  mp4: "audio/mp4",
  m4a: "audio/mp4",
  json: "application/json",
};

/** The Content-Type of a pipeline output, by its file name. */
export function mediaContentType(fileName: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return CONTENT_TYPES[extension] ?? "application/octet-stream";
}
