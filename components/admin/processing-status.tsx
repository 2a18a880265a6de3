"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ProcessingStage } from "@/lib/pipeline/progress/processing-stages";
import type { SermonProgressView } from "@/lib/pipeline/progress/sermon-progress-view";

const POLL_MS = 2_000;

async function request(url: string, init?: RequestInit): Promise<SermonProgressView> {
  const response = await fetch(url, init);
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new Error(body?.error?.message ?? `The server answered HTTP ${response.status}.`);
  return body as SermonProgressView;
}

/**
 * The pipeline's stages for one upload, live: polled while a stage runs, with the transcode's
 * percentage, and on failure the reason and a retry (or the advice to upload another file).
 */
export function ProcessingStatus({
  apiBase,
  initial,
}: {
  apiBase: string;
  initial: SermonProgressView;
}) {
  const [view, setView] = useState(initial);
  const [retryError, setRetryError] = useState<string | null>(null);
  const [isRetrying, setIsRetrying] = useState(false);
  const router = useRouter();

  useEffect(() => {
    if (!view.isActive) return;
    const timer = setTimeout(async () => {
      const next = await request(apiBase).catch(() => null);
      // A failed poll (a blip, a deploy) is tried again: a fresh object re-runs this effect.
      if (!next) return setView((current) => ({ ...current }));
      // The badge and the rest of the page are server-rendered: refresh them when the status moves.
      if (next.status !== view.status) router.refresh();
      setView(next);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [view, apiBase, router]);

  const retry = async () => {
    setIsRetrying(true);
    setRetryError(null);
    try {
      setView(await request(`${apiBase}/retry`, { method: "POST" }));
      router.refresh();
    } catch (error) {
      setRetryError(error instanceof Error ? error.message : String(error));
    } finally {
      setIsRetrying(false);
    }
  };

  return (
    <section
      aria-labelledby="processing-heading"
      className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8"
    >
      <h2 id="processing-heading" className="text-lg font-semibold">
        Processing
      </h2>
      <ol className="mt-4 space-y-4">
        {view.stages.map((stage) => (
          <StageRow key={stage.key} stage={stage} />
        ))}
      </ol>
      {view.failure && (
        <div role="alert" className="mt-5 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          <p>
            <strong className="font-semibold">{view.failure.label}:</strong> {view.failure.reason}
          </p>
          {view.failure.canRetry ? (
            <button
              type="button"
              onClick={retry}
              disabled={isRetrying}
              className="mt-3 rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
            >
              {isRetrying ? "Retrying…" : "Retry"}
            </button>
          ) : (
            <p className="mt-2 font-medium">Upload another file above to replace it.</p>
          )}
          {retryError && <p className="mt-2 font-medium">{retryError}</p>}
        </div>
      )}
    </section>
  );
}

const STATE_TEXT: Record<ProcessingStage["state"], string> = {
  waiting: "Waiting",
  running: "In progress",
  done: "Done",
  failed: "Failed",
};

function StageRow({ stage }: { stage: ProcessingStage }) {
  return (
    <li data-stage={stage.key} data-state={stage.state} className="flex gap-3">
      <StageIcon state={stage.state} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <span
            className={`font-medium ${stage.state === "waiting" ? "text-stone-500" : "text-stone-900"}`}
          >
            {stage.label}
          </span>
          <span className="text-sm tabular-nums text-stone-500">
            {stage.percent !== undefined ? `${stage.percent}%` : STATE_TEXT[stage.state]}
          </span>
        </div>
        {stage.percent !== undefined && (
          <div
            role="progressbar"
            aria-label={`${stage.label} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={stage.percent}
            className="mt-2 h-2 overflow-hidden rounded-full bg-stone-200"
          >
            <div
              className="h-full rounded-full bg-amber-500 transition-[width] duration-700"
              style={{ width: `${stage.percent}%` }}
            />
          </div>
        )}
        {stage.detail && <p className="mt-1 text-sm text-stone-600">{stage.detail}</p>}
      </div>
    </li>
  );
}

function StageIcon({ state }: { state: ProcessingStage["state"] }) {
  const base = "mt-0.5 grid size-6 shrink-0 place-items-center rounded-full";
  switch (state) {
    case "done":
      return (
        <span aria-hidden className={`${base} bg-emerald-100 text-emerald-700`}>
          <svg viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" />
          </svg>
        </span>
      );
    case "running":
      return (
        <span
          aria-hidden
          className={`${base} border-2 border-amber-200 border-t-amber-600 motion-safe:animate-spin`}
        />
      );
    case "failed":
      return (
        <span aria-hidden className={`${base} bg-red-100 text-red-700`}>
          <svg viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.58l3.3-3.3a1 1 0 1 1 1.4 1.42L11.42 10l3.3 3.3a1 1 0 0 1-1.42 1.4L10 11.42l-3.3 3.3a1 1 0 0 1-1.4-1.42L8.58 10l-3.3-3.3a1 1 0 0 1 0-1.4Z" />
          </svg>
        </span>
      );
    case "waiting":
      return <span aria-hidden className={`${base} border-2 border-stone-300`} />;
  }
}
