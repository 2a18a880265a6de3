// Words that say nothing of a passage's topic: function words, and what any sermon says
// whatever it is about. Kept short and general on purpose.
const STOPWORDS = new Set(
  `a about above after again against all almost also am among an and another any anyone
  anything are aren't around as at away back be because been before being below between both
  but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
  each even ever every few for from further get gets getting give given go goes going gone got
  had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
  himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself
  just know let let's like little look made make many may maybe me might more most much must
  my myself need never no nor not now of off often oh ok okay on once one only or other ought
  our ours ourselves out over own perhaps put quite rather really right said same say saying
  says see seem seems she she'd she'll she's should shouldn't so some something sometimes still
  such take tell than that that's the their theirs them themselves then there there's these
  they they'd they'll they're they've thing things think this those though through thus to
  today too two under until up upon us very want was wasn't way we we'd we'll we're we've well
  went were weren't what what's when when's where where's whether which while who who's whom
  why why's will with within without won't would wouldn't yes yet you you'd you'll you're
  you've your yours yourself yourselves first second third fourth fifth next last finally
  point points let's pray amen morning church friends brothers sisters verse verses chapter
  going come comes came time times day days lot kind sort word words thank thanks yeah
  actually ask asked three four five six seven eight nine ten`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case words of a text, apostrophes kept ("don't"). */
export const wordsOf = (text: string): string[] =>
  text.toLowerCase().match(/[a-z]+(?:'[a-z]+)*/g) ?? [];

/** A crude stem, so "promise", "promises" and "promised" count as one topic word. */
export function stem(word: string): string {
  let w = word.replace(/'s$/, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("es") && /(?:ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

export const isTopicWord = (word: string) => word.length > 2 && !STOPWORDS.has(word);

/** The topic words of a text, stemmed. */
export const topicStems = (text: string): string[] => wordsOf(text).filter(isTopicWord).map(stem);
