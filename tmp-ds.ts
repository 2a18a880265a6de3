import { execFileSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { loadDemoSermons } from "@/lib/pipeline/demo-seed/demo-sermon";
import { renderSpokenSermon } from "@/lib/pipeline/demo-seed/render-spoken-sermon";
const sermons = await loadDemoSermons();
for (const [i, s] of sermons.entries()) {
  const file = await renderSpokenSermon(s.paragraphs, "/tmp/demo-render");
  let at = 1000;
  const paragraphs = s.paragraphs.map((text) => {
    execFileSync("espeak-ng", ["-v", "en-us", "-s", "160", "-w", "/tmp/p.wav", "--", text]);
    const d = Math.round(Number(execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", "/tmp/p.wav"]).toString()) * 1000);
    const p = { startMs: at, endMs: at + d, text };
    at += d + 800;
    return p;
  });
  copyFileSync(file, `/tmp/demo-ds/sermon-${i + 1}.mp3`);
  writeFileSync(`/tmp/demo-ds/sermon-${i + 1}.timings.json`, JSON.stringify({ title: s.title, mainPassage: s.mainPassage, paragraphs }, null, 1));
}
