/** What the search page asks, as held in its URL: every field a string ("" = not set). */
export type SearchState = {
  q: string;
  church: string;
  speaker: string;
  series: string;
  from: string;
  to: string;
  passage: string;
};

export const EMPTY_SEARCH: SearchState = {
  q: "",
  church: "",
  speaker: "",
  series: "",
  from: "",
  to: "",
  passage: "",
};

export const FILTER_KEYS = ["church", "speaker", "series", "from", "to", "passage"] as const;

/** The URL query of a state, without empty fields, in a stable order. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value.trim()) params.set(key, value.trim());
  return params.toString();
}
