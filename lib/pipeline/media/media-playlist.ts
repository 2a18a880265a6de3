/** The parts of an HLS media playlist the publisher needs. */
export interface MediaPlaylist {
  segments: { uri: string; durationSeconds: number }[];
  initUri: string | undefined;
  isEnded: boolean;
}

export function parseMediaPlaylist(text: string): MediaPlaylist {
  const segments: MediaPlaylist["segments"] = [];
  let initUri: string | undefined;
  let pendingDuration: number | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#EXTINF:"))
      pendingDuration = Number.parseFloat(line.slice("#EXTINF:".length));
    else if (line.startsWith("#EXT-X-MAP:")) initUri = /URI="([^"]+)"/.exec(line)?.[1];
    else if (line && !line.startsWith("#") && pendingDuration !== undefined) {
      segments.push({ uri: line, durationSeconds: pendingDuration });
      pendingDuration = undefined;
    }
  }
  return { segments, initUri, isEnded: /^#EXT-X-ENDLIST\s*$/m.test(text) };
}

/** A finished EVENT playlist as VOD: same segments, marked complete, so players may cache and seek freely. */
export function toVodPlaylist(text: string): string {
  const vod = text.replace(/^#EXT-X-PLAYLIST-TYPE:EVENT\s*$/m, "#EXT-X-PLAYLIST-TYPE:VOD");
  return /^#EXT-X-ENDLIST\s*$/m.test(vod) ? vod : `${vod.trimEnd()}\n#EXT-X-ENDLIST\n`;
}
