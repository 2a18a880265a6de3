import { execFile } from "node:child_process";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { BIBLE_TRANSLATIONS, type BibleTranslation } from "./bible-translations";
import { type BibleVerse, parseSwordExport } from "./parse-sword-export";

const run = promisify(execFile);
/** Bumped when the plain text is made differently, so old caches are rebuilt. */
const FORMAT = 1;

interface CachedBible {
  format: number;
  translation: BibleTranslation;
  verses: BibleVerse[];
}

const loaded = new Map<string, Promise<readonly BibleVerse[]>>();

/**
 * Every verse of a translation, from `<cacheDir>/bible-text/<translation>.json`, built from the
 * installed SWORD module on first need (a few seconds) and kept in memory after.
 */
export function loadBibleText(
  translation: BibleTranslation,
  cacheDir: string,
): Promise<readonly BibleVerse[]> {
  const file = join(cacheDir, "bible-text", `${translation}.json`);
  let verses = loaded.get(file);
  if (!verses) {
    verses = readOrBuild(translation, file);
    loaded.set(file, verses);
    verses.catch(() => loaded.delete(file));
  }
  return verses;
}

async function readOrBuild(translation: BibleTranslation, file: string): Promise<BibleVerse[]> {
  const cached = await readFile(file, "utf8").then(
    (text) => JSON.parse(text) as CachedBible,
    () => undefined,
  );
  if (cached?.format === FORMAT && cached.translation === translation) return cached.verses;
  const verses = parseSwordExport(await exportModule(translation));
  const body: CachedBible = { format: FORMAT, translation, verses };
  await mkdir(join(file, ".."), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(body));
  await rename(partial, file);
  return verses;
}

async function exportModule(translation: BibleTranslation): Promise<string> {
  const { module, debianPackage } = BIBLE_TRANSLATIONS[translation];
  try {
    const { stdout } = await run("mod2imp", [module], {
      maxBuffer: 256 * 1024 * 1024,
      encoding: "utf8",
    });
    if (!stdout.includes("$$$")) throw new Error(`mod2imp printed no verses for ${module}`);
    return stdout;
  } catch (error) {
    throw new Error(
      `The ${translation} Bible text could not be read (${(error as Error).message}). Install the Debian packages libsword-utils and ${debianPackage} (scripts/ensure-deps.sh does).`,
      { cause: error },
    );
  }
}
