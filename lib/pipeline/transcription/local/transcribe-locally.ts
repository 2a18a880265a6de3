import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { cutSpeechWav, PRIMER_GAP_MS } from "../audio/cut-audio";
import type { LocalAudio } from "../audio/local-audio";
import { planAudioPieces } from "../audio/plan-audio-pieces";
import { groupWordsIntoSegments } from "@/lib/pipeline/transcription/group-words-into-segments";
import { type MachineTranscript, meanConfidence } from "@/lib/catalog/transcripts/transcript";
import { TranscriptionRejectedError } from "@/lib/pipeline/transcription/transcription-errors";
import { parsePocketsphinxOutput } from "./parse-pocketsphinx-output";
import { runInBackground } from "@/lib/platform/process/background-priority";

const exec = promisify(execFile);

export interface LocalSettings {
  /** Recogniser processes run side by side, each on its own piece. */
  processes: number;
  timeoutSeconds: number;
  /** A language model and dictionary of its own (a manuscript's) in place of the generic ones. */
  model?: { lm: string; dict: string; name: string };
}

/** Below this, a second process costs more to start than it saves. */
const MIN_SPLIT_MS = 15_000;
/**
 * pocketsphinx adapts to the voice and the recording as it goes, so it mishears the first
 * seconds of what it hears: on a demo sermon it heard "Some of you came in this morning carrying
 * a name" as "so on you can release are the you", and the same audio heard again straight after
 * came out right.
 */
const PRIMER_MS = 10_000;
export const LOCAL_MODEL = "pocketsphinx en-us";

/**
 * The offline recogniser: pocketsphinx (Debian's `pocketsphinx` + `pocketsphinx-en-us`) on
 * 16 kHz mono WAV. It uses one core, so long audio is cut at silences into one piece per
 * process and the pieces are heard in parallel; word times are shifted back into place.
 */
export async function transcribeLocally(
  audio: LocalAudio,
  settings: LocalSettings,
): Promise<MachineTranscript> {
  const count = audio.durationMs >= MIN_SPLIT_MS ? settings.processes : 1;
  const pieces = planAudioPieces({ durationMs: audio.durationMs, count }, audio.silences);
  const workDir = await mkdtemp(join(tmpdir(), "selah-local-asr-"));
  try {
    const heard = await Promise.all(
      pieces.map(async (piece, index) => {
        // The recording's opening is heard after its own first seconds once more (dropped).
        // Later pieces are not: a run-up from the piece before, or a replay of their own start,
        // cost bench:manuscript a paragraph start (5.8 s off) that they heard right cold.
        const primeMs = piece.startMs === 0 ? Math.min(PRIMER_MS, piece.endMs) : 0;
        const wav = await cutSpeechWav(
          audio.path,
          join(workDir, `piece-${index}.wav`),
          pieces.length > 1 ? piece : undefined,
          { primeMs },
        );
        const heardFromMs = piece.startMs - (primeMs > 0 ? primeMs + PRIMER_GAP_MS : 0);
        return parsePocketsphinxOutput(await recognise(wav, settings), heardFromMs).filter(
          (word) => word.startMs >= piece.startMs,
        );
      }),
    );
    const words = heard.flat();
    return {
      provider: "local",
      model: settings.model?.name ?? LOCAL_MODEL,
      language: "en-US",
      confidence: meanConfidence(words),
      segments: groupWordsIntoSegments(words),
      words,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function recognise(wavPath: string, settings: LocalSettings): Promise<string> {
  const model = settings.model ? ["-lm", settings.model.lm, "-dict", settings.model.dict] : [];
  try {
    const recognising = exec(
      "pocketsphinx_continuous",
      ["-infile", wavPath, "-time", "yes", "-logfn", "/dev/null", ...model],
      {
        timeout: settings.timeoutSeconds * 1000,
        killSignal: "SIGKILL",
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    runInBackground(recognising.child.pid);
    return (await recognising).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new TranscriptionRejectedError(
        "The local recogniser is not installed: install the Debian packages pocketsphinx and pocketsphinx-en-us, or choose another transcription provider.",
        { cause: error },
      );
    }
    throw error;
  }
}
