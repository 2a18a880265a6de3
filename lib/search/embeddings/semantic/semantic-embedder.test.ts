import { mkdtempSync, rmSync } from "node:fs";
import { readFile, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedLocally } from "../local-embedder";
import { loadSemanticLexicon, semanticLexiconFile } from "./load-semantic-lexicon";
import { createSemanticEmbedder, embedSemantically } from "./semantic-embedder";
import { SEMANTIC_LEXICON_VERSION, type SemanticLexicon } from "./semantic-lexicon";

// The real lexicon, built by the real build from the installed WordNet and Nave's topics.
const dataDir = mkdtempSync(path.join(tmpdir(), "selah-semantic-"));
let lexicon: SemanticLexicon;
let buildSeconds = 0;
beforeAll(async () => {
  const started = performance.now();
  lexicon = await loadSemanticLexicon(dataDir);
  buildSeconds = (performance.now() - started) / 1000;
}, 180_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Above the default 384: there chance hash collisions between short texts (±0.1) can outweigh
// one sentence's real overlap (lib/search/README.md).
const DIMENSIONS = 1024;
const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const semantic = (text: string) => embedSemantically(text, DIMENSIONS, lexicon);
const lexical = (text: string) => embedLocally(text, DIMENSIONS);

// Each: a text, a paraphrase sharing no content word with it, an unrelated text.
const PARAPHRASES: Array<[string, string, string]> = [
  [
    "she was frightened and scared of the dark",
    "the child felt afraid and fearful at night",
    "we bought a new kitchen table and chairs",
  ],
  [
    "a generous gift to the poor",
    "charity and giving to needy people",
    "the train left the station late",
  ],
  [
    "he was sad, weeping and sorrowful at the funeral",
    "mourning with tears of grief at the burial",
    "the football match ended in a draw",
  ],
  [
    "I still resent my brother and cannot pardon him",
    "he nursed bitterness and a grudge, unable to forgive",
    "the recipe needs two cups of flour and an egg",
  ],
];

describe("the semantic lexicon", () => {
  it("is built from WordNet and Nave's topics and cached in the data folder", async () => {
    expect(lexicon.version).toBe(SEMANTIC_LEXICON_VERSION);
    const ids = (word: string) => (lexicon.concepts[word] ?? []).map(([id]) => id);
    // WordNet: a synset and its neighbours; Nave's: "ANXIETY: See CARE".
    expect(ids("anxiety").some((id) => /^n\d{8}$/.test(id))).toBe(true);
    expect(ids("anxiety")).toContain("t:CARE");
    expect(lexicon.exceptions["children"]).toContain("child");
    const cached = JSON.parse(await readFile(semanticLexiconFile(dataDir), "utf8"));
    expect(cached.version).toBe(SEMANTIC_LEXICON_VERSION);
    console.log(`semantic lexicon built in ${buildSeconds.toFixed(1)} s`);
  });

  it("reads the cached lexicon instead of building it again", async () => {
    const dir = path.join(dataDir, "cached");
    const tiny = {
      version: SEMANTIC_LEXICON_VERSION,
      concepts: { lamb: [["x1", 1]] },
      exceptions: {},
    };
    await mkdir(path.dirname(semanticLexiconFile(dir)), { recursive: true });
    await writeFile(semanticLexiconFile(dir), JSON.stringify(tiny));
    expect(await loadSemanticLexicon(dir)).toEqual(tiny);
  });

  it("rebuilds a cached lexicon that is unreadable or of an older version", async () => {
    const dir = path.join(dataDir, "stale");
    const file = semanticLexiconFile(dir);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, "{ not json");
    const rebuilt = await loadSemanticLexicon(dir);
    expect(Object.keys(rebuilt.concepts).length).toBeGreaterThan(50_000);
    expect(JSON.parse(await readFile(file, "utf8")).version).toBe(SEMANTIC_LEXICON_VERSION);
    expect((await stat(file)).size).toBeGreaterThan(1_000_000);
  }, 180_000);
});

describe("the semantic embedder", () => {
  it("maps paraphrases closer than unrelated text, where the lexical embedder cannot", () => {
    for (const [text, paraphrase, unrelated] of PARAPHRASES) {
      const close = cosine(semantic(text), semantic(paraphrase));
      expect(close, `${text} ~ ${paraphrase}`).toBeGreaterThan(
        cosine(semantic(text), semantic(unrelated)) + 0.03,
      );
      expect(close).toBeGreaterThan(cosine(lexical(text), lexical(paraphrase)) + 0.05);
    }
  });

  it("still rewards shared words as the lexical embedder does", () => {
    const query = semantic("seventy times seven");
    expect(
      cosine(query, semantic("Forgive not seven times but seventy times seven.")),
    ).toBeGreaterThan(cosine(query, semantic("Forgive your brother from the heart.")));
  });

  it("is deterministic, sized as configured and unit length, odd input included", async () => {
    const embedder = createSemanticEmbedder(DIMENSIONS, async () => lexicon);
    const texts = [
      "Nothing can separate us from the love of God.",
      "",
      "!!! ??? …",
      "🙏🙏 amen",
      "Ἐν ἀρχῇ ἦν ὁ λόγος — Ньютон 1 Cor 13:4-7",
      "worry ".repeat(20_000),
    ];
    const first = await embedder.embed(texts);
    expect(await embedder.embed(texts)).toEqual(first);
    expect(embedder.dimensions).toBe(DIMENSIONS);
    for (const vector of first) {
      expect(vector).toHaveLength(DIMENSIONS);
      expect(vector.every(Number.isFinite)).toBe(true);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
    }
  });

  it("embeds a query in well under 5 ms and a sermon's worth of moments in well under a second", () => {
    const moment =
      "Jesus says do not worry about your life, what you will eat or drink, or about your body, " +
      "what you will wear. Look at the birds of the air: your heavenly Father feeds them. ";
    semantic(moment);
    let started = performance.now();
    for (let i = 0; i < 100; i++) semantic(`anxious about money and food ${i}`);
    expect((performance.now() - started) / 100).toBeLessThan(5);
    // A 45-minute sermon is about 6,000 words: some 60 moments of 100 words.
    started = performance.now();
    for (let i = 0; i < 60; i++) semantic(moment.repeat(3));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
