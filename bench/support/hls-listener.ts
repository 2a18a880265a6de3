// What bench:load's simulated listeners read from Selah's HLS playlists, and when they ask for
// the next segment: like hls.js with its defaults, a player fills a buffer of 30 s ahead of the
// playhead as fast as it can, then fetches one segment each time one has played.

/** hls.js's default maxBufferLength: seconds of audio a player keeps ahead of the playhead. */
export const PLAYER_BUFFER_SECONDS = 30;

/** The rendition playlists a master playlist lists (URIs relative to it). */
export function variantUris(master: string): string[] {
  const lines = master.split("\n").map((line) => line.trim());
  return lines.flatMap((line, i) =>
    line.startsWith("#EXT-X-STREAM-INF") && lines[i + 1] && !lines[i + 1]!.startsWith("#")
      ? [lines[i + 1]!]
      : [],
  );
}

export interface MediaPlaylist {
  /** The initialisation segment (`#EXT-X-MAP`), if any. */
  init?: string;
  segments: { uri: string; seconds: number }[];
}

/** The init segment and the media segments, with their durations, of a rendition playlist. */
export function parseMediaPlaylist(text: string): MediaPlaylist {
  const playlist: MediaPlaylist = { segments: [] };
  let seconds: number | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const map = /^#EXT-X-MAP:.*URI="([^"]+)"/.exec(line);
    if (map) playlist.init = map[1];
    else if (line.startsWith("#EXTINF:")) seconds = Number.parseFloat(line.slice(8));
    else if (!line.startsWith("#") && seconds !== undefined) {
      playlist.segments.push({ uri: line, seconds });
      seconds = undefined;
    }
  }
  return playlist;
}

/**
 * Milliseconds after playback started at which a player asks for a segment starting
 * `audioAheadSeconds` into its session: at once while its buffer has room, otherwise when
 * enough has played. `pace` > 1 plays faster than real time (a stress setting).
 */
export function segmentDueMs(
  audioAheadSeconds: number,
  pace = 1,
  bufferSeconds = PLAYER_BUFFER_SECONDS,
): number {
  return (Math.max(0, audioAheadSeconds - bufferSeconds) / pace) * 1000;
}
