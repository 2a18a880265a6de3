import { FfmpegFailedError } from "./ffmpeg-failed-error";

/** ffmpeg ran longer than its budget and was killed. */
export class FfmpegTimeoutError extends FfmpegFailedError {
  override readonly name = "FfmpegTimeoutError";

  constructor(
    readonly timeoutMs: number,
    stderrTail: string,
  ) {
    super(
      `ffmpeg was killed after running longer than its ${Number((timeoutMs / 1000).toFixed(1))} s limit`,
      null,
      stderrTail,
    );
  }
}
