"use client";

import { useEffect, useRef, useState } from "react";
import type { SearchFacets, SearchOutcome } from "@/lib/search/queries";
import { PlayMomentsButton } from "@/components/player/now-playing/play-moments-button";
import { AskPanel } from "./ask-panel";
import { MomentResult } from "./moment-result";
import { SearchFilters } from "./search-filters";
import { FILTER_KEYS, type SearchState, searchQueryString } from "./search-state";

type Props = {
  initialState: SearchState;
  initialOutcome: SearchOutcome | null;
  initialErrors: Record<string, string[]>;
  facets: SearchFacets;
};

type ApiError = { error: { message: string; fields?: Record<string, string[]> } };

const DEBOUNCE_MS = 200;
const EXAMPLES = [
  "forgiving someone who hurt me",
  "nothing can separate us from the love of God",
  "why does God allow suffering",
  "anxiety and worry",
  "the prodigal son",
];

/**
 * The search page's live part. Typing updates the URL at once (so every state can be shared
 * and survives reload) and fetches /api/search after a short pause, cancelling any answer
 * still on its way. The first render comes from the server with the same params.
 */
export function SearchExperience({ initialState, initialOutcome, initialErrors, facets }: Props) {
  const [state, setState] = useState(initialState);
  const [outcome, setOutcome] = useState(initialOutcome);
  const [errors, setErrors] = useState(initialErrors);
  const [isLoading, setIsLoading] = useState(false);
  const [isFailed, setIsFailed] = useState(false);
  const [isFilterOpen, setIsFilterOpen] = useState(false);
  const isFirst = useRef(true);

  useEffect(() => {
    const query = searchQueryString(state);
    window.history.replaceState(null, "", query ? `/search?${query}` : "/search");
    // The server already rendered the initial params.
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    if (!state.q.trim()) {
      setOutcome(null);
      setErrors({});
      setIsLoading(false);
      return;
    }
    const controller = new AbortController();
    setIsLoading(true);
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?${query}`, { signal: controller.signal });
        const body = (await response.json()) as SearchOutcome | ApiError;
        if ("error" in body) {
          setErrors(body.error.fields ?? { q: [body.error.message] });
          setIsFailed(response.status >= 500);
        } else {
          setOutcome(body);
          setErrors({});
          setIsFailed(false);
        }
        setIsLoading(false);
      } catch (error) {
        if (controller.signal.aborted) return;
        setIsFailed(true);
        setIsLoading(false);
        console.error(error);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [state]);

  const update = (patch: Partial<SearchState>) => setState((current) => ({ ...current, ...patch }));
  const activeFilters = FILTER_KEYS.filter((key) => state[key]);
  const hits = outcome?.hits ?? [];

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="sr-only">Search sermons</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()} className="relative">
        <label htmlFor="search-q" className="sr-only">
          Search every sermon
        </label>
        <svg
          aria-hidden
          viewBox="0 0 20 20"
          className="pointer-events-none absolute left-4 top-1/2 size-5 -translate-y-1/2 fill-stone-400"
        >
          <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64a.75.75 0 1 1-1.06 1.06l-3.64-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
        </svg>
        <input
          id="search-q"
          type="search"
          autoFocus
          autoComplete="off"
          value={state.q}
          onChange={(event) => update({ q: event.target.value })}
          placeholder="Search what was said…"
          aria-invalid={Boolean(errors.q)}
          className="block w-full rounded-2xl border border-stone-300 bg-white py-4 pl-12 pr-28 text-base text-stone-900 shadow-sm outline-none transition placeholder:text-stone-400 focus:border-amber-500 focus:ring-4 focus:ring-amber-500/15"
        />
        <span
          aria-live="polite"
          className="absolute right-4 top-1/2 -translate-y-1/2 text-xs font-medium text-stone-500"
        >
          {isLoading
            ? "Searching…"
            : outcome && state.q
              ? `${hits.length} ${hits.length === 1 ? "moment" : "moments"}`
              : ""}
        </span>
      </form>
      {errors.q?.map((message) => (
        <p key={message} role="alert" className="mt-2 text-sm font-medium text-red-600">
          {message}
        </p>
      ))}

      <div className="mt-8 grid gap-8 lg:grid-cols-[16rem_1fr]">
        <aside className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5 lg:self-start">
          <div className="flex items-center justify-between">
            <h2 className="text-sm font-semibold text-stone-900">
              {/* On a phone the filters fold away, so the results come first. */}
              <button
                type="button"
                aria-expanded={isFilterOpen}
                aria-controls="search-filters"
                onClick={() => setIsFilterOpen((open) => !open)}
                className="flex items-center gap-2 lg:pointer-events-none"
              >
                Narrow it down
                {activeFilters.length > 0 && (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                    {activeFilters.length}
                  </span>
                )}
                <svg
                  aria-hidden
                  viewBox="0 0 20 20"
                  className={`size-4 fill-stone-500 transition lg:hidden ${isFilterOpen ? "rotate-180" : ""}`}
                >
                  <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
                </svg>
              </button>
            </h2>
            {activeFilters.length > 0 && (
              <button
                type="button"
                onClick={() => update(Object.fromEntries(FILTER_KEYS.map((key) => [key, ""])))}
                className="text-xs font-medium text-amber-800 hover:underline"
              >
                Clear filters
              </button>
            )}
          </div>
          <div
            id="search-filters"
            className={`mt-4 ${isFilterOpen || Object.keys(errors).some((k) => k !== "q") ? "block" : "hidden"} lg:block`}
          >
            <SearchFilters state={state} facets={facets} errors={errors} onChange={update} />
          </div>
        </aside>

        <section aria-label="Results" className="min-w-0">
          {!state.q.trim() ? (
            <EmptyState onPick={(q) => update({ q })} />
          ) : isFailed ? (
            <Notice title="Search is unavailable right now">Please try again in a moment.</Notice>
          ) : (
            <>
              <AskPanel question={state.q} church={state.church} />
              {outcome?.scripture && (
                <p className="mb-4 text-sm text-stone-600">
                  Sermons on or quoting{" "}
                  <span className="font-semibold text-stone-900">{outcome.scripture}</span>
                </p>
              )}
              {hits.length > 0 && (
                <div className="mb-4 flex justify-end">
                  <PlayMomentsButton label="Play these moments" moments={hits} tone="light" />
                </div>
              )}
              {hits.length > 0 ? (
                <ol className={`space-y-4 transition-opacity ${isLoading ? "opacity-60" : ""}`}>
                  {hits.map((hit) => (
                    <li key={hit.id}>
                      <MomentResult hit={hit} />
                    </li>
                  ))}
                </ol>
              ) : (
                outcome &&
                !isLoading && (
                  <Notice title={`Nothing matched “${state.q}”`}>
                    {activeFilters.length > 0
                      ? "Try clearing some filters: they may be narrower than you meant."
                      : "Try fewer or different words, or a Bible reference such as “John 3”."}
                  </Notice>
                )
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function EmptyState({ onPick }: { onPick: (q: string) => void }) {
  return (
    <div className="rounded-2xl border border-dashed border-stone-300 bg-white p-8 sm:p-10">
      <h2 className="font-serif text-2xl font-semibold text-stone-900">
        Find the moment, not just the sermon
      </h2>
      <p className="mt-3 max-w-xl text-sm leading-6 text-stone-600">
        Every sermon is searched by what was actually said. Type a topic, a question or a phrase you
        remember; each result plays from the moment it was said. Use the filters for a church, a
        speaker or a passage.
      </p>
      <p className="mt-6 text-xs font-semibold uppercase tracking-wide text-stone-500">Try</p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {EXAMPLES.map((example) => (
          <li key={example}>
            <button
              type="button"
              onClick={() => onPick(example)}
              className="rounded-full border border-stone-200 bg-stone-50 px-3 py-1.5 text-sm text-stone-700 transition hover:border-amber-300 hover:bg-amber-50 hover:text-amber-900"
            >
              {example}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-2xl border border-dashed border-stone-300 bg-white p-8 text-center">
      <p className="font-medium text-stone-900">{title}</p>
      <p className="mt-2 text-sm text-stone-600">{children}</p>
    </div>
  );
}
