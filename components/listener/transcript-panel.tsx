"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { formatDuration } from "@/lib/platform/text/format";
import { useShareMoment } from "@/components/player/use-share-moment";
import {
  findHits,
  highlightParts,
  segmentIndexAt,
  stepHit,
} from "@/lib/catalog/transcripts/transcript-navigation";
import type { ListenerChapter } from "@/lib/catalog/chapters/chapter-queries";
import { chapterIndexAt } from "@/lib/catalog/chapters/chapter-at";
import { usePlayback } from "./playback-context";
import { CaptionLine, useCaptionTrack } from "./transcript-captions";
import { TranscriptFindBar } from "./transcript-find-bar";
import { ConfidentText } from "./confident-text";

export interface PanelSegment {
  id: string;
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
  /** A verse of a passage read aloud, snapped to the Bible's text: "WEB · Psalm 23:1–6". */
  scripture?: string | null;
  /** `recognised`: said, but not in the preacher's manuscript (the rest is its words). */
  source?: string | null;
  /** How sure the recogniser was, 0–1; null or absent where nobody guessed (captions). */
  confidence?: number | null;
  /** One figure per word of `text`, when known. */
  wordConfidences?: readonly number[];
}

export interface TranscriptPanelProps {
  segments: PanelSegment[];
  /** Scripture spoken in the sermon and when. */
  verses: { text: string; atMs: number }[];
  /** The WebVTT captions URL, when the transcript has captions. */
  captionsUrl: string | null;
  /** Shown as headings where each starts, and listed above the transcript. */
  chapters?: readonly ListenerChapter[];
  /** A recogniser's transcript (not captions nor a manuscript): labelled as such. */
  isAutomatic?: boolean;
}

/** Scroll events within this long after our own scrolling are ours, not the listener's. */
const OWN_SCROLL_MS = 800;

/**
 * The transcript beside the player: follows playback (current sentence lit and kept in view
 * until the listener scrolls away, then "Back to now"), a tap on a sentence plays from it,
 * find with previous/next, speaker labels, scripture mentioned with its moment, captions
 * on/off, and a link to the current moment. An automatic transcript says so, and shows where
 * the recogniser was unsure (dimmed words, "[unclear]" for a run of guesses).
 */
export function TranscriptPanel({
  segments,
  verses,
  captionsUrl,
  chapters = [],
  isAutomatic = false,
}: TranscriptPanelProps) {
  const { media, currentTime, seek } = usePlayback();
  const list = useRef<HTMLOListElement>(null);
  const ownScrollAt = useRef(0);
  const [isFollowing, setIsFollowing] = useState(true);
  const [query, setQuery] = useState("");
  const [activeHit, setActiveHit] = useState(-1);
  const [captionsOn, setCaptionsOn] = useState(false);
  const moment = useShareMoment();
  const captionText = useCaptionTrack(media, captionsUrl, captionsOn);

  const currentIndex = segmentIndexAt(segments, currentTime * 1000);
  const hits = useMemo(() => findHits(segments, query), [segments, query]);
  const hitSet = useMemo(() => new Set(hits), [hits]);
  const headings = useMemo(() => chapterHeadings(segments, chapters), [segments, chapters]);
  const currentChapter = chapterIndexAt(chapters, currentTime * 1000);

  const scrollToSegment = (index: number) => {
    const container = list.current;
    const item = container?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!container || !item) return;
    ownScrollAt.current = Date.now();
    container.scrollTo({
      top: item.offsetTop - container.offsetTop - container.clientHeight / 3,
      behavior: "smooth",
    });
  };

  useEffect(() => {
    if (isFollowing && currentIndex >= 0) scrollToSegment(currentIndex);
  }, [currentIndex, isFollowing]);

  const pauseFollowing = () => {
    if (Date.now() - ownScrollAt.current > OWN_SCROLL_MS) setIsFollowing(false);
  };

  const stepFind = (step: 1 | -1) => {
    const next = stepHit(hits.length, activeHit, step);
    setActiveHit(next);
    const index = hits[next];
    if (index === undefined) return;
    setIsFollowing(false);
    scrollToSegment(index);
  };

  const playFrom = (ms: number) => {
    seek(ms / 1000, { play: true });
    setIsFollowing(true);
  };

  const toolButton =
    "rounded-lg border border-stone-200 px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-50 aria-pressed:border-amber-600 aria-pressed:bg-amber-50 aria-pressed:text-amber-900";
  return (
    <section
      aria-labelledby="transcript-heading"
      className="rounded-2xl border border-stone-200 bg-white shadow-sm"
    >
      <div className="space-y-3 border-b border-stone-100 p-4 sm:p-5">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="transcript-heading" className="text-lg font-semibold text-stone-900">
            Transcript
          </h2>
          <div className="flex flex-wrap gap-2">
            {captionsUrl && (
              <button
                type="button"
                aria-pressed={captionsOn}
                onClick={() => setCaptionsOn(!captionsOn)}
                className={toolButton}
              >
                Captions {captionsOn ? "on" : "off"}
              </button>
            )}
            <button
              type="button"
              onClick={() => void moment.share(currentTime)}
              className={toolButton}
            >
              Copy link to this moment
            </button>
          </div>
        </div>
        {isAutomatic && (
          <p data-testid="automatic-transcript" className="text-sm text-stone-600">
            <span className="font-medium text-stone-800">
              Automatic transcript — may contain errors.
            </span>{" "}
            Dimmed words are uncertain; [unclear] marks speech the recogniser could not make out.
          </p>
        )}
        {moment.message && (
          <p role="status" className="break-all text-xs font-medium text-emerald-700">
            {moment.message}
          </p>
        )}
        {captionsOn && <CaptionLine text={captionText} />}
        <TranscriptFindBar
          query={query}
          onQueryChange={(value) => {
            setQuery(value);
            setActiveHit(-1);
          }}
          hitCount={hits.length}
          activeHit={activeHit}
          onStep={stepFind}
        />
        {chapters.length > 0 && (
          <nav aria-label="Chapters" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-stone-500">Chapters:</span>
            {chapters.map((chapter, index) => (
              <button
                key={chapter.startMs}
                type="button"
                aria-current={index === currentChapter ? "true" : undefined}
                onClick={() => playFrom(chapter.startMs)}
                className="rounded-md bg-stone-100 px-2 py-1 font-medium text-stone-800 hover:bg-stone-200 aria-[current]:bg-amber-100 aria-[current]:text-amber-900"
              >
                {chapter.title}{" "}
                <span className="tabular-nums text-stone-600">
                  · {formatDuration(chapter.startMs)}
                </span>
              </button>
            ))}
          </nav>
        )}
        {verses.length > 0 && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-stone-500">Scripture mentioned:</span>
            {verses.map((verse) => (
              <button
                key={`${verse.text}@${verse.atMs}`}
                type="button"
                onClick={() => playFrom(verse.atMs)}
                className="rounded-md bg-amber-50 px-2 py-1 font-medium text-amber-900 hover:bg-amber-100"
              >
                {verse.text}{" "}
                <span className="tabular-nums text-amber-700">· {formatDuration(verse.atMs)}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="relative">
        <ol
          ref={list}
          data-testid="transcript-segments"
          onScroll={pauseFollowing}
          onWheel={() => setIsFollowing(false)}
          onTouchMove={() => setIsFollowing(false)}
          // While "Back to now" floats over the list, room below the last sentence keeps it readable.
          className={`max-h-[28rem] space-y-1 overflow-y-auto overscroll-contain p-2 sm:p-3 ${isFollowing ? "" : "pb-16 sm:pb-16"}`}
        >
          {segments.map((segment, index) => {
            const isCurrent = index === currentIndex;
            const showSpeaker = segment.speaker && segment.speaker !== segments[index - 1]?.speaker;
            const isActiveHit = hits[activeHit] === index;
            // A passage read aloud is labelled once, where it starts.
            const showScripture =
              segment.scripture && segment.scripture !== segments[index - 1]?.scripture;
            return (
              <li key={segment.id} data-index={index} className="group relative">
                {headings.get(index)?.map((chapter) => (
                  <h3 key={chapter.startMs} className="px-3 pt-4 pb-1">
                    <button
                      type="button"
                      onClick={() => playFrom(chapter.startMs)}
                      className="text-left text-sm font-semibold text-stone-900 hover:text-amber-800"
                    >
                      {chapter.title}{" "}
                      <span className="font-normal tabular-nums text-stone-500">
                        {formatDuration(chapter.startMs)}
                      </span>
                    </button>
                  </h3>
                ))}
                {showSpeaker && (
                  <p className="px-3 pt-3 text-xs font-semibold uppercase tracking-wide text-amber-700">
                    {segment.speaker}
                  </p>
                )}
                {showScripture && (
                  <p className="px-3 pt-3 text-xs font-medium text-amber-800">
                    {segment.scripture}
                  </p>
                )}
                <button
                  type="button"
                  aria-current={isCurrent ? "true" : undefined}
                  data-start-ms={segment.startMs}
                  onClick={() => playFrom(segment.startMs)}
                  data-scripture={segment.scripture ?? undefined}
                  className={`grid w-full grid-cols-[3.5rem_1fr] gap-2 rounded-lg py-2 pr-10 pl-3 text-left text-[15px] leading-relaxed transition ${
                    segment.scripture ? "border-l-2 border-amber-300" : ""
                  } ${
                    isCurrent ? "bg-amber-100 text-stone-950" : "text-stone-700 hover:bg-stone-50"
                  } ${isActiveHit ? "ring-2 ring-amber-500" : ""}`}
                >
                  <span className="pt-0.5 font-mono text-xs tabular-nums text-stone-600">
                    {formatDuration(segment.startMs)}
                  </span>
                  <span className={segment.source === "recognised" ? "italic" : undefined}>
                    {segment.source === "recognised" && <NotInManuscript />}
                    {hitSet.has(index) ? (
                      highlightParts(segment.text, query).map((part, i) =>
                        part.isHit ? (
                          <mark key={i} className="rounded bg-yellow-200 px-0.5 text-inherit">
                            {part.text}
                          </mark>
                        ) : (
                          <span key={i}>{part.text}</span>
                        ),
                      )
                    ) : (
                      <ConfidentText
                        text={segment.text}
                        confidence={segment.confidence ?? null}
                        wordConfidences={segment.wordConfidences ?? []}
                        isCurrent={isCurrent}
                      />
                    )}
                  </span>
                </button>
                <button
                  type="button"
                  aria-label={`Copy link to ${formatDuration(segment.startMs)}`}
                  title="Copy a link that plays from this sentence"
                  onClick={() => void moment.share(segment.startMs / 1000)}
                  // Shown on hover or focus where there is a pointer; always on touch screens.
                  className="absolute right-1 bottom-1.5 rounded-md p-1.5 text-stone-500 hover:bg-white hover:text-amber-800 focus-visible:opacity-100 group-hover:opacity-100 [@media(hover:hover)]:opacity-0"
                >
                  <svg
                    aria-hidden
                    viewBox="0 0 24 24"
                    className="size-4 fill-none stroke-current"
                    strokeWidth={2}
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  >
                    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
                    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
                  </svg>
                </button>
              </li>
            );
          })}
        </ol>
        {!isFollowing && (
          <button
            type="button"
            onClick={() => {
              setIsFollowing(true);
              if (currentIndex >= 0) scrollToSegment(currentIndex);
            }}
            className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-stone-900 px-4 py-2 text-sm font-semibold text-white shadow-lg hover:bg-stone-800"
          >
            Back to now
          </button>
        )}
      </div>
    </section>
  );
}

/** Which chapters head which sentence: each before the sentence it starts in (or the next one). */
function chapterHeadings(
  segments: readonly PanelSegment[],
  chapters: readonly ListenerChapter[],
): Map<number, ListenerChapter[]> {
  const headings = new Map<number, ListenerChapter[]>();
  for (const chapter of chapters) {
    const index = segments.findIndex((segment) => segment.endMs > chapter.startMs);
    if (index < 0) continue;
    headings.set(index, [...(headings.get(index) ?? []), chapter]);
  }
  return headings;
}

/** Marks speech the manuscript lacks: the recogniser's words, which may be wrong. */
function NotInManuscript() {
  return (
    <span
      title="Said, but not in the manuscript: the words as the recogniser heard them"
      className="mr-1.5 rounded bg-stone-100 px-1 py-0.5 align-middle text-[11px] font-semibold not-italic tracking-wide text-stone-700 uppercase"
    >
      Not in manuscript
    </span>
  );
}
