"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { AskEvent } from "@/lib/search/ask/ask-question";
import type { Citation } from "@/lib/search/ask/passage";
import { PlayMomentsButton } from "@/components/player/now-playing/play-moments-button";

type Answer = {
  question: string;
  citations: Citation[];
  answeredBy: string;
  text: string;
  error: string | null;
  isDone: boolean;
};

/** Reads server-sent events (`data: <json>` blocks) from a fetch body as they arrive. */
async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<AskEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (block.startsWith("data: ")) yield JSON.parse(block.slice(6)) as AskEvent;
    }
  }
}

/**
 * "Ask" answers the search box's question from the best moments, streamed as it is written,
 * with [n] citations that play the moment they cite.
 */
export function AskPanel({ question, church }: { question: string; church: string }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function ask() {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setAnswer({ question, citations: [], answeredBy: "", text: "", error: null, isDone: false });
    const patch = (change: Partial<Answer>) =>
      setAnswer((a) => (a && controller.current === current ? { ...a, ...change } : a));
    try {
      const response = await fetch("/api/ask", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question, church: church || undefined }),
        signal: current.signal,
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        patch({
          error: body?.error?.message ?? "The question could not be answered.",
          isDone: true,
        });
        return;
      }
      let text = "";
      for await (const event of readEvents(response.body)) {
        if (event.type === "sources")
          patch({ citations: event.citations, answeredBy: event.answeredBy });
        else if (event.type === "text") patch({ text: (text += event.text) });
        else if (event.type === "error") patch({ error: event.message });
        else patch({ isDone: true });
      }
    } catch (error) {
      if (!current.signal.aborted) patch({ error: String(error), isDone: true });
    }
  }

  const canAsk = question.trim().length >= 3;
  return (
    <div className="mb-6 rounded-2xl border border-amber-200 bg-gradient-to-b from-amber-50 to-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold text-stone-900">Ask the sermons</h2>
          <p className="text-xs text-stone-600">
            An answer drawn only from what was preached, with the moments it comes from.
          </p>
        </div>
        <button
          type="button"
          onClick={ask}
          disabled={!canAsk || (answer !== null && !answer.isDone && answer.question === question)}
          className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white shadow-sm transition hover:bg-stone-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {answer && answer.question === question ? "Ask again" : "Ask"}
        </button>
      </div>
      {answer && (
        <div
          data-testid="ask-answer"
          className="mt-4 border-t border-amber-100 pt-4"
          aria-live="polite"
        >
          {answer.question !== question && (
            <p className="mb-2 text-xs text-stone-500">Answer to “{answer.question}”</p>
          )}
          <p className="whitespace-pre-line text-sm leading-6 text-stone-800">
            <CitedText text={answer.text} citations={answer.citations} />
            {!answer.isDone && (
              <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-amber-500 align-middle" />
            )}
          </p>
          {answer.error && (
            <p role="alert" className="mt-2 text-sm font-medium text-red-600">
              {answer.error}
            </p>
          )}
          {answer.isDone && !answer.error && answer.citations.length > 0 && (
            <div className="mt-4">
              <PlayMomentsButton label="Play the answer" moments={answer.citations} />
            </div>
          )}
          {answer.citations.length > 0 && (
            <ol className="mt-4 space-y-1.5 text-xs text-stone-600">
              {answer.citations.map((c) => (
                <li key={c.n} className="flex gap-2">
                  <span className="font-semibold text-amber-800">[{c.n}]</span>
                  <Link href={c.href} className="hover:text-amber-900 hover:underline">
                    {c.sermonTitle} · {c.at}
                    {c.mainPassage ? ` · ${c.mainPassage}` : ""}
                  </Link>
                </li>
              ))}
            </ol>
          )}
          {answer.isDone && answer.answeredBy && (
            <p className="mt-3 text-[11px] text-stone-400">
              {answer.answeredBy === "extractive"
                ? "Quoted from the sermons (no language model configured)."
                : `Written by ${answer.answeredBy} from these moments.`}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** The answer with each [n] turned into a link that plays the cited moment. */
function CitedText({ text, citations }: { text: string; citations: Citation[] }) {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  return (
    <>
      {text.split(/(\[\d+\])/).map((piece, index) => {
        const citation = byNumber.get(Number(/^\[(\d+)\]$/.exec(piece)?.[1]));
        if (!citation) return <span key={index}>{piece}</span>;
        return (
          <Link
            key={index}
            href={citation.href}
            title={`${citation.sermonTitle} at ${citation.at}${citation.mainPassage ? ` (${citation.mainPassage})` : ""}`}
            className="mx-0.5 inline-flex items-center rounded bg-amber-100 px-1 text-xs font-semibold tabular-nums text-amber-900 no-underline hover:bg-amber-200"
          >
            {citation.at}
          </Link>
        );
      })}
    </>
  );
}
