import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ipaToArpabet } from "./ipa-to-arpabet";

const exec = promisify(execFile);

/**
 * Dictionary lines (`word PH ON ES`) for words the recogniser's dictionary lacks, as espeak-ng
 * would say them: one espeak-ng run for them all, one word a line. Without espeak-ng (or if
 * its answer does not line up with the words), none: those words are then placed by alignment
 * alone.
 */
export async function pronounceUnknownWords(words: readonly string[]): Promise<string[]> {
  if (!words.length) return [];
  try {
    const running = exec("espeak-ng", ["-q", "--ipa", "-v", "en-us", "--stdin"], {
      timeout: 60_000,
    });
    // A full stop after each word makes it a clause of its own: one line out per word.
    running.child.stdin?.end(words.map((word) => `${word}.\n`).join(""));
    const lines = (await running).stdout
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length !== words.length) return [];
    return words.flatMap((word, i) => {
      const phones = ipaToArpabet(lines[i] ?? "");
      return phones.length ? [`${word} ${phones.join(" ")}`] : [];
    });
  } catch {
    return [];
  }
}
