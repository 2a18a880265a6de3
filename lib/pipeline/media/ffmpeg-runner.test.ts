import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FfmpegFailedError } from "./ffmpeg-failed-error";
import { runFfmpeg } from "./ffmpeg-runner";
import { FfmpegTimeoutError } from "./ffmpeg-timeout-error";

// An endless source paced at realtime: an ffmpeg that would never finish by itself.
const stuckArgs = ["-nostdin", "-re", "-f", "lavfi", "-i", "anullsrc", "-f", "null", "-"];

describe("runFfmpeg", () => {
  it("kills an ffmpeg that outlives its timeout and says so", async () => {
    const started = Date.now();
    const error = await runFfmpeg({ binary: "ffmpeg", args: stuckArgs, timeoutMs: 500 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FfmpegTimeoutError);
    expect((error as Error).message).toMatch(/killed after running longer than its 0.5 s limit/);
    // It rejects only once the process has exited, so the kill took effect.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("kills the process when the caller aborts", async () => {
    const controller = new AbortController();
    const run = runFfmpeg({
      binary: "ffmpeg",
      args: stuckArgs,
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error("sibling failed")), 200);
    await expect(run).rejects.toThrow("sibling failed");
  });

  it("reports a failed run with ffmpeg's own last words", async () => {
    const error = await runFfmpeg({
      binary: "ffmpeg",
      args: ["-nostdin", "-i", "file:/nonexistent/sermon.mp3"],
      timeoutMs: 10_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FfmpegFailedError);
    expect((error as FfmpegFailedError).exitCode).not.toBe(0);
    expect((error as FfmpegFailedError).stderrTail).toMatch(/No such file or directory/);
  });

  it("streams stdout and reports progress from fd 3", async () => {
    let bytes = 0;
    const progress: number[] = [];
    await runFfmpeg({
      binary: "ffmpeg",
      args: [
        "-nostdin",
        "-f",
        "lavfi",
        "-i",
        "sine=duration=2:sample_rate=8000",
        "-progress",
        "pipe:3",
        "-f",
        "s16le",
        "pipe:1",
      ],
      timeoutMs: 10_000,
      stdoutTo: new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      }),
      onProgress: (ms) => progress.push(ms),
    });
    expect(bytes).toBe(2 * 8000 * 2);
    expect(progress.at(-1)).toBeCloseTo(2000, -1);
  });

  it("honours FFMPEG_PATH", async () => {
    const previous = process.env.FFMPEG_PATH;
    process.env.FFMPEG_PATH = "/nonexistent/ffmpeg";
    try {
      await expect(
        runFfmpeg({ binary: "ffmpeg", args: ["-version"], timeoutMs: 5_000 }),
      ).rejects.toThrow(/ENOENT/);
    } finally {
      if (previous === undefined) delete process.env.FFMPEG_PATH;
      else process.env.FFMPEG_PATH = previous;
    }
  });
});
