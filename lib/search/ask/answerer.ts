import type { Citation } from "./passage";

/** Writes an answer to a question from numbered passages, piece by piece, citing them as [n]. */
export interface Answerer {
  /** Shown under the answer ("gpt-4o-mini", "extractive"). */
  readonly name: string;
  answer(
    question: string,
    passages: readonly Citation[],
    signal?: AbortSignal,
  ): AsyncIterable<string>;
}
