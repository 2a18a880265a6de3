import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildSemanticLexicon } from "./build-semantic-lexicon";
import { SEMANTIC_LEXICON_VERSION, type SemanticLexicon } from "./semantic-lexicon";

/** Where the built lexicon is cached: `semantic/` in SELAH_DATA_DIR. */
export const semanticLexiconFile = (dataDir: string) =>
  path.resolve(dataDir, "semantic", `lexicon-v${SEMANTIC_LEXICON_VERSION}.json`);

// One per process, not per module instance: Next.js bundles instrumentation.ts and each
// route apart, each with its own copy of this module, and a lexicon is ~0.5 s of parsing and
// tens of MB that the web app's start-up (warm-search.ts) loads for all of them.
const LOADING_KEY = Symbol.for("selah.semantic-lexicons");
const loading: Map<string, Promise<SemanticLexicon>> = ((
  globalThis as { [LOADING_KEY]?: Map<string, Promise<SemanticLexicon>> }
)[LOADING_KEY] ??= new Map());

/**
 * The semantic lexicon cached in `dataDir`, built from the installed WordNet and Nave's
 * topics when it is missing, unreadable or of an older version. One build per process; two
 * processes building at once each write a temporary file and rename it, so neither reads
 * half a file.
 */
export function loadSemanticLexicon(dataDir: string): Promise<SemanticLexicon> {
  const file = semanticLexiconFile(dataDir);
  let promise = loading.get(file);
  if (!promise) {
    promise = readOrBuild(file);
    loading.set(file, promise);
    // A failed build (WordNet missing) is reported, and tried again on the next call.
    promise.catch(() => loading.delete(file));
  }
  return promise;
}

async function readOrBuild(file: string): Promise<SemanticLexicon> {
  const cached = await readCached(file);
  if (cached) return cached;
  const lexicon = await buildSemanticLexicon();
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(lexicon));
  await rename(temporary, file);
  return lexicon;
}

async function readCached(file: string): Promise<SemanticLexicon | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as SemanticLexicon;
    return parsed.version === SEMANTIC_LEXICON_VERSION && parsed.concepts ? parsed : undefined;
  } catch {
    return undefined;
  }
}
