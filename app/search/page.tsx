import type { Metadata } from "next";
import { headers } from "next/headers";
import { clientAddressOf } from "@/lib/platform/auth/client-address";
import { SearchExperience } from "@/components/search/search-experience";
import { EMPTY_SEARCH, type SearchState } from "@/components/search/search-state";
import { runSearch, type SearchOutcome, searchFacets } from "@/lib/search/queries";
import { UnrecognisedScriptureError } from "@/lib/search/scripture-filter";
import { searchParamsRecord, searchParamsSchema } from "@/lib/search/search-params";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const raw = searchParamsRecord(await searchParams);
  const initialState: SearchState = Object.fromEntries(
    Object.keys(EMPTY_SEARCH).map((key) => [key, raw[key] ?? ""]),
  ) as SearchState;
  const parsed = searchParamsSchema.safeParse(raw);
  let outcome: SearchOutcome | null = null;
  let errors: Record<string, string[]> = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (parsed.success && parsed.data.q) {
    try {
      const requestHeaders = await headers();
      outcome = await runSearch(parsed.data, {
        address: clientAddressOf(requestHeaders),
        userAgent: requestHeaders.get("user-agent"),
      });
    } catch (error) {
      if (!(error instanceof UnrecognisedScriptureError)) throw error;
      errors = { passage: [error.message] };
    }
  }
  return (
    <SearchExperience
      initialState={initialState}
      initialOutcome={outcome}
      initialErrors={errors}
      facets={await searchFacets()}
    />
  );
}
