/**
 * ffmpeg or ffprobe exited unsuccessfully. The message says only that (it can reach an admin
 * as a failure's technical detail); `stderrTail`, its last log lines, is for logs and is kept
 * as the cause, which Inngest records with the failed run.
 */
export class FfmpegFailedError extends Error {
  override readonly name: string = "FfmpegFailedError";

  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(message, stderrTail ? { cause: new Error(`ffmpeg log: ${stderrTail}`) } : undefined);
  }
}
