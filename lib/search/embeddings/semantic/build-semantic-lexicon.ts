import { MissingLexiconSourceError } from "./missing-lexicon-source-error";
import { type NaveTopics, readNaveTopics } from "./read-nave-topics";
import { readWordnet, WORDNET_DIR } from "./read-wordnet";
import { SEMANTIC_LEXICON_VERSION, type SemanticLexicon } from "./semantic-lexicon";

// A Nave topic counts a little less than a WordNet sense; the chapters it cites share one
// small budget so a long topic does not drown the words it came from.
const TOPIC_WEIGHT = 0.8;
const CHAPTER_BUDGET = 0.5;
const MAX_CHAPTERS_PER_TOPIC = 30;

/** Reads WordNet and Nave's topics (Debian's wordnet-base and sword-dict-naves) into one lexicon. */
export async function buildSemanticLexicon(
  sources: { wordnetDir?: string; nave?: NaveTopics } = {},
): Promise<SemanticLexicon> {
  const wordnet = await readWordnet(sources.wordnetDir ?? WORDNET_DIR).catch((error) => {
    throw new MissingLexiconSourceError("WordNet in /usr/share/wordnet", error);
  });
  const nave =
    sources.nave ??
    (await readNaveTopics().catch((error) => {
      throw new MissingLexiconSourceError("Nave's Topical Bible and mod2imp", error);
    }));
  const concepts = new Map<string, Map<string, number>>(wordnet.lemmas);

  for (const [word, topics] of nave.words) {
    const map = new Map(concepts.get(word) ?? []);
    for (const topic of topics) {
      map.set(`t:${topic}`, Math.max(map.get(`t:${topic}`) ?? 0, TOPIC_WEIGHT));
      const chapters = (nave.chapters.get(topic) ?? []).slice(0, MAX_CHAPTERS_PER_TOPIC);
      for (const chapter of chapters) {
        const weight = (TOPIC_WEIGHT * CHAPTER_BUDGET) / Math.sqrt(chapters.length);
        map.set(`c:${chapter}`, Math.max(map.get(`c:${chapter}`) ?? 0, weight));
      }
    }
    concepts.set(word, map);
  }

  // Concepts many words share ("feeling", a much-cited chapter) say little about any one
  // text: scale each by how rare it is, as inverse document frequency does for words.
  const frequency = new Map<string, number>();
  for (const map of concepts.values())
    for (const id of map.keys()) frequency.set(id, (frequency.get(id) ?? 0) + 1);
  const total = concepts.size;
  const rarity = (id: string) => Math.log(total / frequency.get(id)!) / Math.log(total);

  const out: SemanticLexicon["concepts"] = {};
  for (const [word, map] of [...concepts].sort(([a], [b]) => a.localeCompare(b))) {
    const list = [...map]
      .map(([id, weight]) => [id, round(weight * rarity(id))] as [string, number])
      .filter(([, weight]) => weight > 0.02)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (list.length > 0) out[word] = list;
  }
  return {
    version: SEMANTIC_LEXICON_VERSION,
    concepts: out,
    exceptions: Object.fromEntries([...wordnet.exceptions].sort(([a], [b]) => a.localeCompare(b))),
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
