import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MachineTranscript } from "@/lib/catalog/transcripts/transcript";
import type { LocalAudio } from "@/lib/pipeline/transcription/audio/local-audio";
import {
  type LocalSettings,
  LOCAL_MODEL,
  transcribeLocally,
} from "@/lib/pipeline/transcription/local/transcribe-locally";
import { buildManuscriptLanguageModel } from "./build-manuscript-language-model";
import type { ManuscriptParagraph } from "./parse-manuscript";
import { pronounceUnknownWords } from "./pronounce-unknown-words";

const DICTIONARY = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";
export const MANUSCRIPT_MODEL = `${LOCAL_MODEL} + manuscript`;

/**
 * The local recogniser listening for the manuscript: a trigram model built from its sentences
 * and a dictionary cut down to its words replace the generic ones, which on generated speech
 * takes pocketsphinx from about 70 % of words wrong to about 10 %. Words the dictionary lacks are
 * pronounced by espeak-ng; any left without a pronunciation are placed by alignment alone.
 */
export async function recogniseWithManuscript(
  audio: LocalAudio,
  manuscript: readonly ManuscriptParagraph[],
  settings: Omit<LocalSettings, "model">,
  workRoot = tmpdir(),
): Promise<MachineTranscript> {
  const sentences = manuscript.flatMap((paragraph) =>
    paragraph.sentences.map((sentence) => sentence.words.flatMap((word) => word.tokens)),
  );
  // Whole paragraphs too: the recogniser's utterances end at pauses, not at full stops, so
  // the words across a sentence break are as likely a sequence as those inside one.
  const paragraphs = manuscript.map((paragraph) =>
    paragraph.sentences.flatMap((sentence) => sentence.words.flatMap((word) => word.tokens)),
  );
  const wanted = new Set(sentences.flat());
  const headword = (line: string) => line.slice(0, line.indexOf(" ")).replace(/\(\d+\)$/, "");
  const entries = (await readFile(DICTIONARY, "utf8"))
    .split("\n")
    .filter((line) => wanted.has(headword(line)));
  const listed = new Set(entries.map(headword));
  entries.push(...(await pronounceUnknownWords([...wanted].filter((word) => !listed.has(word)))));
  const known = new Set(entries.map(headword));
  const dir = await mkdtemp(join(workRoot, "selah-manuscript-lm-"));
  try {
    const lm = join(dir, "manuscript.lm");
    const dict = join(dir, "manuscript.dict");
    await writeFile(lm, buildManuscriptLanguageModel([...sentences, ...paragraphs], known));
    await writeFile(dict, `${entries.join("\n")}\n`);
    return await transcribeLocally(audio, {
      ...settings,
      model: { lm, dict, name: MANUSCRIPT_MODEL },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
