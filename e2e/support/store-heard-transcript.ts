// Gives a processed sermon a transcript of known words and confidences, through the same
// storeTranscript the transcription stage uses, as the local recogniser would have heard it:
// `heard` keeps the recogniser's figures (some words guessed), `aligned` lines the same doubtful
// hearing up with the preacher's manuscript first.
// `node --import tsx e2e/support/store-heard-transcript.ts <church> <sermon title> heard|aligned`
// prints the sermon's listener path.
import type { MachineTranscript } from "@/lib/catalog/transcripts/transcript";
import { groupWordsIntoSegments } from "@/lib/pipeline/transcription/group-words-into-segments";
import { parsePocketsphinxOutput } from "@/lib/pipeline/transcription/local/parse-pocketsphinx-output";
import { alignTranscriptToManuscript } from "@/lib/pipeline/transcription/manuscript/align-transcript-to-manuscript";
import { parseManuscript } from "@/lib/pipeline/transcription/manuscript/parse-manuscript";
import { storeTranscript } from "@/lib/pipeline/transcription/store-transcript";
import { createDb } from "@/lib/platform/db/client";
import { withDatabase } from "@/scripts/cli/with-database";

// pocketsphinx_continuous -time yes: sure of the greeting and the prayer, guessing in between.
const POCKETSPHINX = `good 0.500 0.800 0.95
morning 0.800 1.300 0.9
church. 1.300 1.800 0.92
today 3.000 3.500 0.9
the 3.500 3.700 0.05
parking 3.700 4.200 0.1
lot 4.200 4.500 0.08
closed 4.500 5.000 0.02
early 5.000 5.500 0.4
for 5.500 5.700 0.9
repairs. 5.700 6.400 0.9
let 8.000 8.300 0.9
us 8.300 8.500 0.9
pray. 8.500 9.000 0.9
`;
const MANUSCRIPT =
  "Good morning church. Today the parking lot closed early for repairs. Let us pray.";

const [churchSlug, title, kind] = process.argv.slice(2);
if (!churchSlug || !title || (kind !== "heard" && kind !== "aligned"))
  throw new Error("Usage: store-heard-transcript <church> <sermon title> heard|aligned");

const heard = parsePocketsphinxOutput(POCKETSPHINX);
const aligned = alignTranscriptToManuscript(parseManuscript(MANUSCRIPT), heard);
const transcript: MachineTranscript = {
  provider: "local",
  model: kind === "heard" ? "pocketsphinx en-us" : "pocketsphinx en-us + manuscript",
  language: "en-US",
  confidence: null,
  segments: kind === "heard" ? groupWordsIntoSegments(heard) : aligned.segments,
  words: kind === "heard" ? heard : aligned.words,
};

await withDatabase(async (url) => {
  const db = createDb(url, 1);
  try {
    const sermon = await db.sermon.findFirstOrThrow({
      where: { title, church: { slug: churchSlug } },
      select: { id: true, slug: true, churchId: true, mediaVersion: true },
    });
    const prefix = `churches/${sermon.churchId}/sermons/${sermon.id}/v${sermon.mediaVersion}/transcripts/e2e-${kind}`;
    const stored = await storeTranscript(
      db,
      { sermonId: sermon.id, churchId: sermon.churchId, mediaVersion: sermon.mediaVersion },
      transcript,
      { wordsKey: `${prefix}/words.json`, vttKey: `${prefix}/captions.vtt` },
    );
    if (!stored) throw new Error(`The transcript of ${title} was not stored`);
    console.log(`/churches/${churchSlug}/sermons/${sermon.slug}`);
  } finally {
    await db.$disconnect();
  }
});
