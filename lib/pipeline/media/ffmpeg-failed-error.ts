/** ffmpeg or ffprobe exited unsuccessfully; `stderrTail` holds its last log lines. */
export class FfmpegFailedError extends Error {
  override readonly name: string = "FfmpegFailedError";

  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(stderrTail ? `${message}: ${stderrTail}` : message);
  }
}
