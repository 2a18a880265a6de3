// npm run eval:chapters [-- --seeds 101-140] [--verbose]
// Generated sermons with known part boundaries (eval/chapters/generate-sermon.ts: several
// structures, topics and marker styles, put through the pipeline's own segmenting and
// spoken-scripture finding) are divided by the chapter detector; a chapter counts when it
// starts within 15 s of a true boundary. Prints precision, recall and F1 (micro-averaged) by
// marker style and overall; the last line is one JSON object. The default seeds are held out:
// 1–40 are the ones to look at while changing the detector.
import { scoreBoundaries, summarise, type BoundaryScore } from "@/eval/chapters/boundary-metrics";
import { generateSermon } from "@/eval/chapters/generate-sermon";
import { findChapters } from "@/lib/pipeline/chapters/find-chapters";

const TOLERANCE_MS = 15_000;
const args = process.argv.slice(2);
const seedsArg = args[args.indexOf("--seeds") + 1];
const [from, to] = (args.includes("--seeds") && seedsArg ? seedsArg : "101-160")
  .split("-")
  .map(Number);
if (!Number.isInteger(from) || !Number.isInteger(to) || to! < from!) {
  console.error("eval:chapters: --seeds takes a range such as 101-160");
  process.exit(2);
}
const verbose = args.includes("--verbose");

const byStyle = new Map<string, BoundaryScore[]>();
const all: BoundaryScore[] = [];
let chapterCount = 0;
let hours = 0;
for (let seed = from!; seed <= to!; seed++) {
  const sermon = generateSermon(seed);
  const chapters = findChapters(sermon.evidence);
  const score = scoreBoundaries(
    chapters.map((chapter) => chapter.startMs),
    sermon.boundaries,
    TOLERANCE_MS,
  );
  all.push(score);
  chapterCount += chapters.length;
  hours += (sermon.evidence.durationMs ?? 0) / 3_600_000;
  const style = sermon.name.split(", ").at(-1)!;
  byStyle.set(style, [...(byStyle.get(style) ?? []), score]);
  if (verbose) {
    console.log(`${sermon.name} (${Math.round((sermon.evidence.durationMs ?? 0) / 60_000)} min)`);
    console.log(
      `  truth: ${sermon.parts.map((p) => `${p.kind}${p.announced ? "*" : ""}@${fmt(p.startMs)}`).join(" ")}`,
    );
    console.log(`  found: ${chapters.map((c) => `${fmt(c.startMs)} ${c.title}`).join(" | ")}`);
  }
}

function fmt(ms: number) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
const round = (value: number) => Math.round(value * 1000) / 1000;
for (const [style, scores] of [...byStyle].sort()) {
  const s = summarise(scores);
  console.log(
    `${style.padEnd(12)} sermons ${String(scores.length).padStart(3)}  precision ${round(s.precision)}  recall ${round(s.recall)}  F1 ${round(s.f1)}`,
  );
}
const overall = summarise(all);
console.log(
  JSON.stringify({
    sermons: all.length,
    seeds: `${from}-${to}`,
    toleranceSeconds: TOLERANCE_MS / 1000,
    precision: round(overall.precision),
    recall: round(overall.recall),
    f1: round(overall.f1),
    boundariesFound: overall.found,
    boundariesTrue: overall.expected,
    chaptersPerHour: round(chapterCount / hours),
  }),
);
