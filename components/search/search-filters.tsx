"use client";

import type { SearchFacets } from "@/lib/search/queries";
import type { SearchState } from "./search-state";

const control =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm outline-none transition placeholder:text-stone-400 focus:border-amber-500 focus:ring-2 focus:ring-amber-500/20 aria-[invalid=true]:border-red-400";

type Props = {
  state: SearchState;
  facets: SearchFacets;
  errors: Record<string, string[]>;
  onChange: (patch: Partial<SearchState>) => void;
};

/** Church, speaker, series, dates and scripture: the narrowing a listener can ask for. */
export function SearchFilters({ state, facets, errors, onChange }: Props) {
  const speakers = facets.speakers.filter((s) => !state.church || s.churchSlug === state.church);
  const series = facets.series.filter((s) => !state.church || s.churchSlug === state.church);
  const field = (name: keyof SearchState, label: string, input: React.ReactNode) => (
    <div className="min-w-0">
      <label
        htmlFor={`filter-${name}`}
        className="block text-xs font-semibold uppercase tracking-wide text-stone-500"
      >
        {label}
      </label>
      <div className="mt-1">{input}</div>
      {errors[name]?.map((message) => (
        <p key={message} role="alert" className="mt-1 text-xs font-medium text-red-600">
          {message}
        </p>
      ))}
    </div>
  );
  return (
    <fieldset className="grid grid-cols-2 gap-4 lg:grid-cols-1">
      <legend className="sr-only">Filters</legend>
      {field(
        "church",
        "Church",
        <select
          id="filter-church"
          className={control}
          value={state.church}
          onChange={(e) => onChange({ church: e.target.value, speaker: "", series: "" })}
        >
          <option value="">All churches</option>
          {facets.churches.map((church) => (
            <option key={church.slug} value={church.slug}>
              {church.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        "speaker",
        "Speaker",
        <select
          id="filter-speaker"
          className={control}
          value={state.speaker}
          onChange={(e) => onChange({ speaker: e.target.value })}
        >
          <option value="">Anyone</option>
          {speakers.map((speaker) => (
            <option key={speaker.id} value={speaker.id}>
              {speaker.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        "series",
        "Series",
        <select
          id="filter-series"
          className={control}
          value={state.series}
          onChange={(e) => onChange({ series: e.target.value })}
        >
          <option value="">Any series</option>
          {series.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.title}
            </option>
          ))}
        </select>,
      )}
      {field(
        "passage",
        "Scripture",
        <input
          id="filter-passage"
          className={control}
          value={state.passage}
          placeholder="Romans 8, John 3:16"
          aria-invalid={Boolean(errors.passage)}
          onChange={(e) => onChange({ passage: e.target.value })}
        />,
      )}
      {field(
        "from",
        "Preached from",
        <input
          id="filter-from"
          type="date"
          className={control}
          value={state.from}
          aria-invalid={Boolean(errors.from)}
          onChange={(e) => onChange({ from: e.target.value })}
        />,
      )}
      {field(
        "to",
        "Preached until",
        <input
          id="filter-to"
          type="date"
          className={control}
          value={state.to}
          aria-invalid={Boolean(errors.to)}
          onChange={(e) => onChange({ to: e.target.value })}
        />,
      )}
    </fieldset>
  );
}
