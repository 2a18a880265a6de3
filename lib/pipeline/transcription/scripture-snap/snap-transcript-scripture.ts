import { loadBibleText } from "@/lib/catalog/scripture/bible-text/load-bible-text";
import type { MachineTranscript } from "@/lib/catalog/transcripts/transcript";
import type { ScriptureEnv } from "@/lib/platform/config/scripture-env";
import { bibleWordIndex } from "./bible-word-index";
import { snapScripture } from "./snap-scripture";

/**
 * Snaps a machine transcript's read passages to the configured translation. Without the Bible
 * text (its Debian packages missing) the transcript is kept as recognised, and the outcome says
 * why: snapping improves a transcript, it is no reason to fail one.
 */
export async function snapTranscriptScripture(
  transcript: MachineTranscript,
  env: Pick<ScriptureEnv, "SCRIPTURE_TRANSLATION" | "SELAH_DATA_DIR">,
): Promise<{ transcript: MachineTranscript; outcome: string }> {
  const translation = env.SCRIPTURE_TRANSLATION;
  if (translation === "off") return { transcript, outcome: "scripture snapping is off" };
  let verses;
  try {
    verses = await loadBibleText(translation, env.SELAH_DATA_DIR);
  } catch (error) {
    return { transcript, outcome: `not snapped: ${(error as Error).message}` };
  }
  const snapped = snapScripture(transcript, bibleWordIndex(verses), translation);
  const count = snapped.scripture.length;
  return {
    transcript: snapped,
    outcome: `${count} read passage${count === 1 ? "" : "s"} snapped to the ${translation}`,
  };
}
