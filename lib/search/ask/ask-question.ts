import type { EligibleFilter } from "@/lib/search/chunk-sql";
import { userMessageOf } from "@/lib/platform/errors/app-error";
import { type SearchDeps, searchMoments } from "@/lib/search/search-moments";
import type { Answerer } from "./answerer";
import { type Citation, toCitations } from "./passage";
import { webLogger } from "@/lib/platform/telemetry/logger";

/** What an answer stream carries, in order: the passages, the answer's text, the end. */
export type AskEvent =
  | { type: "sources"; citations: Citation[]; answeredBy: string }
  | { type: "text"; text: string }
  | { type: "error"; message: string }
  | { type: "done" };

const PASSAGES = 6;

/**
 * Answers a question from the best-matching moments (hybrid search, optionally within one
 * church): first the numbered passages, so the listener can play them while the answer is
 * written, then the answer citing them as [n].
 */
export async function* askQuestion(
  deps: SearchDeps & { answerer: Answerer },
  question: string,
  filter: EligibleFilter,
  signal?: AbortSignal,
): AsyncGenerator<AskEvent> {
  let hits;
  try {
    hits = await searchMoments(deps, { query: question, filter, limit: PASSAGES });
  } catch (error) {
    // A listener reads this: the cause (a database or provider message) goes to the log only.
    webLogger().error({ err: error }, "ask: the search for passages failed");
    yield {
      type: "error",
      message: userMessageOf(error, "Search is unavailable right now; try again."),
    };
    yield { type: "done" };
    return;
  }
  const citations = toCitations(hits);
  yield { type: "sources", citations, answeredBy: deps.answerer.name };
  if (citations.length === 0) {
    yield {
      type: "text",
      text: "No sermon moments matched that question yet, so there is nothing to answer from.",
    };
  } else {
    try {
      for await (const text of deps.answerer.answer(question, citations, signal))
        yield { type: "text", text };
    } catch (error) {
      if (signal?.aborted) return;
      // The passages are already on screen; say the answer broke off rather than failing whole.
      webLogger().error({ err: error }, "ask: the answer failed");
      yield {
        type: "error",
        message: userMessageOf(error, "The answer could not be completed; try again."),
      };
    }
  }
  yield { type: "done" };
}

/** Server-sent events: one `data:` line of JSON per event. */
export function toEventStream(events: AsyncIterable<AskEvent>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(`data: ${JSON.stringify(value)}\n\n`));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
