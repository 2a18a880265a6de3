// The one place that spawns ffmpeg/ffprobe.
//
// Runner choice: plain `child_process.spawn`, not fluent-ffmpeg. fluent-ffmpeg rebuilds the
// argument list itself (input options first, then its own `-y`), spawns extra
// `ffmpeg -formats/-codecs/-encoders` processes to validate capabilities before a run, and
// offers no extra stdio descriptors. We need the exact, test-asserted hardened argument list,
// raw PCM on stdout *and* `-progress` on a separate descriptor (fd 3) of the same process.
import { spawn } from "node:child_process";
import { runInBackground } from "@/lib/platform/process/background-priority";
import type { Writable } from "node:stream";
import { FfmpegFailedError } from "./ffmpeg-failed-error";
import { FfmpegTimeoutError } from "./ffmpeg-timeout-error";

export interface FfmpegRun {
  binary: "ffmpeg" | "ffprobe";
  args: readonly string[];
  /** The process is SIGKILLed once this elapses. */
  timeoutMs: number;
  /** Receives stdout, with backpressure (raw PCM); otherwise stdout is collected and returned. */
  stdoutTo?: Writable;
  /** Receives `out_time` in ms from `-progress pipe:3` (the args must contain it). */
  onProgress?: (outTimeMs: number) => void;
  /** Aborting kills the process; used to stop sibling processes when one fails. */
  signal?: AbortSignal;
}

export interface FfmpegResult {
  stdout: string;
  stderr: string;
}

const STDERR_KEPT_CHARS = 64 * 1024;
const STDERR_TAIL_LINES = 8;

export function binaryPath(binary: FfmpegRun["binary"]): string {
  return (binary === "ffmpeg" ? process.env.FFMPEG_PATH : process.env.FFPROBE_PATH) || binary;
}

export function runFfmpeg(run: FfmpegRun): Promise<FfmpegResult> {
  return new Promise((resolve, reject) => {
    run.signal?.throwIfAborted();
    const child = spawn(binaryPath(run.binary), run.args, {
      stdio: ["ignore", "pipe", "pipe", run.onProgress ? "pipe" : "ignore"],
    });
    runInBackground(child.pid);
    let stdout = "";
    let stderr = "";
    let failure: Error | undefined;

    const fail = (error: Error) => {
      failure ??= error;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(
      () => fail(new FfmpegTimeoutError(run.timeoutMs, tail(stderr))),
      run.timeoutMs,
    );
    const onAbort = () =>
      fail(run.signal?.reason instanceof Error ? run.signal.reason : new Error("ffmpeg aborted"));
    run.signal?.addEventListener("abort", onAbort, { once: true });

    if (run.stdoutTo) child.stdout?.pipe(run.stdoutTo);
    else child.stdout?.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr?.setEncoding("utf8").on("data", (text: string) => {
      stderr = (stderr + text).slice(-STDERR_KEPT_CHARS);
    });
    const progress = child.stdio[3];
    if (run.onProgress && progress && "setEncoding" in progress) {
      const report = run.onProgress;
      let pending = "";
      progress.setEncoding("utf8").on("data", (text: string) => {
        const lines = (pending + text).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) {
          const match = /^out_time_us=(\d+)$/.exec(line.trim());
          if (match) report(Number(match[1]) / 1000);
        }
      });
    }

    child.on("error", (error) => {
      // A process that never started emits no "close".
      if (child.pid !== undefined) return fail(error);
      clearTimeout(timer);
      run.signal?.removeEventListener("abort", onAbort);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      run.signal?.removeEventListener("abort", onAbort);
      if (failure) reject(failure);
      else if (code !== 0)
        reject(new FfmpegFailedError(`${run.binary} exited with code ${code}`, code, tail(stderr)));
      else resolve({ stdout, stderr });
    });
  });
}

function tail(stderr: string): string {
  return stderr.trim().split("\n").slice(-STDERR_TAIL_LINES).join("\n");
}
