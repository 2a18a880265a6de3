import { setPriority } from "node:os";

/** Niceness for CPU-heavy helper programs (ffmpeg, the local recogniser). */
export const BACKGROUND_NICENESS = 10;

/**
 * Runs a child process below normal priority. Transcodes and recognition run beside the web
 * app on the same cores; at normal priority they take both, and listeners' segment requests
 * queue behind them (bench:load: segment p95 in the hundreds of ms while uploads are processed).
 * Batch work can wait a little; a listener cannot. A process that already ended is ignored.
 */
export function runInBackground(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, BACKGROUND_NICENESS);
  } catch {
    // Exited before it could be reniced: nothing left to slow down.
  }
}
