import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FFMPEG_PLAYLIST_NAME } from "./ffmpeg-args";
import { parseMediaPlaylist, toVodPlaylist } from "./media-playlist";
import type { OnFileReady } from "./ready-file";
import { PLAYLIST_NAME } from "@/lib/catalog/sermons/sermon-version";

/**
 * Publishes one rendition while ffmpeg is still encoding it. ffmpeg rewrites its own live
 * playlist after closing each segment; every segment it lists is complete. We hand over the
 * new segments first, then write our `index.m3u8` from that same snapshot, so the published
 * playlist never names a file the caller has not received (ffmpeg's own file may already
 * be a segment ahead by the time an upload reads it).
 */
export class RenditionPublisher {
  private publishedSegments = 0;
  private latestPlaylist: string | undefined;

  constructor(
    private readonly dir: string,
    /** Key prefix, the rendition's folder name. */
    private readonly name: string,
    private readonly publish: OnFileReady,
  ) {}

  get hasPlaylist(): boolean {
    return this.latestPlaylist !== undefined;
  }

  get segmentCount(): number {
    return this.publishedSegments;
  }

  /** Publishes whatever ffmpeg has completed since the last call, then (by default) our playlist. */
  async publishCompleted({ withPlaylist = true } = {}): Promise<void> {
    const text = await readFile(join(this.dir, FFMPEG_PLAYLIST_NAME), "utf8").catch(ignoreMissing);
    if (text === undefined) return;
    const playlist = parseMediaPlaylist(text);
    const fresh = playlist.segments.slice(this.publishedSegments);
    if (fresh.length === 0) return;
    if (this.publishedSegments === 0 && playlist.initUri)
      await this.publishFile("init", playlist.initUri);
    for (const segment of fresh) await this.publishFile("segment", segment.uri);
    this.publishedSegments = playlist.segments.length;
    if (withPlaylist) await this.publishPlaylist(text);
    else this.latestPlaylist = text;
  }

  /** After ffmpeg exited successfully: the rest of the segments, then the playlist as VOD. */
  async finish(): Promise<void> {
    await this.publishCompleted({ withPlaylist: false });
    if (this.latestPlaylist === undefined)
      throw new Error(`ffmpeg produced no playlist for ${this.name}`);
    await this.publishPlaylist(toVodPlaylist(this.latestPlaylist));
    await rm(join(this.dir, FFMPEG_PLAYLIST_NAME), { force: true });
  }

  private async publishPlaylist(text: string): Promise<void> {
    this.latestPlaylist = text;
    const path = join(this.dir, PLAYLIST_NAME);
    await writeFile(`${path}.tmp`, text);
    await rename(`${path}.tmp`, path);
    await this.publishFile("playlist", PLAYLIST_NAME);
  }

  private async publishFile(kind: "init" | "segment" | "playlist", uri: string): Promise<void> {
    await this.publish({ kind, path: join(this.dir, uri), key: `${this.name}/${uri}` });
  }
}

function ignoreMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
  throw error;
}
