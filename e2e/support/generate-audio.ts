import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

/** A spoken-word-like test file (tone bursts with pauses), made once per run with Debian's ffmpeg. */
export function generateAudio(seconds: number, name = `sermon-${seconds}s.mp3`): string {
  const dir = path.resolve(".data", "e2e-media");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    execFileSync("ffmpeg", [
      "-nostdin",
      "-hide_banner",
      "-loglevel",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      `sine=frequency=220:duration=${seconds}`,
      "-f",
      "lavfi",
      "-i",
      `anoisesrc=color=pink:amplitude=0.05:duration=${seconds}`,
      "-filter_complex",
      "[0][1]amix=inputs=2,volume='if(lt(mod(t,4),3),1,0.02)':eval=frame",
      "-ac",
      "1",
      "-ar",
      "44100",
      "-c:a",
      "libmp3lame",
      "-b:a",
      "96k",
      file,
    ]);
  }
  return file;
}
