import type { Db } from "@/lib/platform/db/client";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";

/** At most one write per interval: ffmpeg reports many times a second. */
const MIN_WRITE_INTERVAL_MS = 1_000;

/**
 * Records how far the transcode got on the sermon, for the admin's live view. Writes are
 * throttled, never overlap (a slow write is not queued behind by the next), and are guarded
 * by the media version so a replaced upload's run cannot overwrite the new one's figure.
 * A failed write is ignored: the figure is for display, the transcode must not stop for it.
 */
export function transcodeProgressRecorder(db: Db, version: SermonVersion) {
  let lastWrittenAt = 0;
  let lastPercent: number | null = null;
  let writing: Promise<void> | null = null;

  const write = (percent: number) => {
    lastWrittenAt = Date.now();
    lastPercent = percent;
    writing = db.sermon
      .updateMany({
        where: {
          id: version.sermonId,
          churchId: version.churchId,
          mediaVersion: version.mediaVersion,
        },
        data: { transcodePercent: percent },
      })
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        writing = null;
      });
    return writing;
  };

  return {
    /** Called with whole percents as the encoders advance. */
    report(percent: number): void {
      const value = Math.max(0, Math.min(99, Math.floor(percent)));
      if (writing || value === lastPercent) return;
      if (Date.now() - lastWrittenAt < MIN_WRITE_INTERVAL_MS) return;
      void write(value);
    },
    /** Once every output is up. */
    async finish(): Promise<void> {
      await writing;
      await write(100);
    },
  };
}
