"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatDuration } from "@/lib/platform/text/format";
import { displayFileName } from "@/lib/pipeline/upload/display-file-name";
import {
  type CompletedParts,
  MultipartUpload,
  UploadPausedError,
  type UploadProgress,
} from "./upload/multipart-upload";
import {
  forgetUpload,
  isSameFile,
  loadSavedUpload,
  saveUpload,
  type SavedUpload,
} from "./upload/saved-upload";

type Phase =
  | { name: "idle" }
  | { name: "uploading" | "paused"; file: File; progress: UploadProgress }
  | { name: "completing"; file: File }
  | { name: "uploaded"; fileName: string }
  | { name: "error"; message: string; file?: File };

type Plan = { uploadId: string; partSize: number; partCount: number };

async function api<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
  });
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new Error(body?.error?.message ?? `The server answered HTTP ${response.status}.`);
  return body as T;
}

/** Browser-to-S3 upload of a sermon's recording; what happens to it next is shown by ProcessingStatus. */
export function SermonUploader({
  sermonId,
  apiBase,
  hasAudio,
  maxBytes,
  accept,
}: {
  sermonId: string;
  apiBase: string;
  hasAudio: boolean;
  maxBytes: number;
  accept: string;
}) {
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [saved, setSaved] = useState<SavedUpload | null>(null);
  const upload = useRef<{
    runner: MultipartUpload;
    plan: Plan;
    file: File;
    completed: CompletedParts;
  } | null>(null);
  const router = useRouter();

  useEffect(() => setSaved(loadSavedUpload(sermonId)), [sermonId]);

  const run = useCallback(async () => {
    const current = upload.current;
    if (!current) return;
    const { runner, plan, file, completed } = current;
    setPhase({
      name: "uploading",
      file,
      progress: { sentBytes: 0, totalBytes: file.size, bytesPerSecond: 0, secondsLeft: null },
    });
    try {
      await runner.run();
      setPhase({ name: "completing", file });
      const parts = Object.entries(completed).map(([partNumber, etag]) => ({
        partNumber: Number(partNumber),
        etag,
      }));
      await api(`${apiBase}/uploads/${plan.uploadId}/complete`, {
        method: "POST",
        body: JSON.stringify({ parts }),
      });
      forgetUpload(sermonId);
      setSaved(null);
      upload.current = null;
      setPhase({ name: "uploaded", fileName: file.name });
      // The server-rendered processing view starts following the new version.
      router.refresh();
    } catch (error) {
      if (error instanceof UploadPausedError) return;
      setPhase({
        name: "error",
        message: error instanceof Error ? error.message : String(error),
        file,
      });
    }
  }, [apiBase, sermonId, router]);

  const begin = useCallback(
    async (file: File) => {
      if (file.size > maxBytes) {
        setPhase({
          name: "error",
          message: `This file is ${(file.size / 1e9).toFixed(2)} GB; the limit is ${(maxBytes / 1e9).toFixed(2)} GB.`,
        });
        return;
      }
      try {
        const plan = await api<Plan>(`${apiBase}/uploads`, {
          method: "POST",
          body: JSON.stringify({ fileName: file.name, size: file.size }),
        });
        const previous = loadSavedUpload(sermonId);
        const completed =
          previous && previous.uploadId === plan.uploadId && isSameFile(previous, file)
            ? previous.completed
            : {};
        const record: SavedUpload = {
          uploadId: plan.uploadId,
          fileName: file.name,
          size: file.size,
          lastModified: file.lastModified,
          partCount: plan.partCount,
          completed,
        };
        saveUpload(sermonId, record);
        const runner = new MultipartUpload({
          file,
          partSize: plan.partSize,
          partCount: plan.partCount,
          completed,
          presign: async (partNumbers) =>
            (
              await api<{ urls: { partNumber: number; url: string }[] }>(
                `${apiBase}/uploads/${plan.uploadId}/parts`,
                { method: "POST", body: JSON.stringify({ partNumbers }) },
              )
            ).urls,
          onPartDone: () => saveUpload(sermonId, record),
          onProgress: (progress) =>
            setPhase((phase) => (phase.name === "uploading" ? { ...phase, progress } : phase)),
        });
        upload.current = { runner, plan, file, completed };
        await run();
      } catch (error) {
        setPhase({
          name: "error",
          message: error instanceof Error ? error.message : String(error),
          file,
        });
      }
    },
    [apiBase, maxBytes, run, sermonId],
  );

  const pause = () => {
    upload.current?.runner.pause();
    setPhase((phase) => (phase.name === "uploading" ? { ...phase, name: "paused" } : phase));
  };

  const cancel = async () => {
    const current = upload.current;
    current?.runner.pause();
    const uploadId = current?.plan.uploadId ?? saved?.uploadId;
    if (uploadId)
      await api(`${apiBase}/uploads/${uploadId}`, { method: "DELETE" }).catch(() => undefined);
    forgetUpload(sermonId);
    setSaved(null);
    upload.current = null;
    setPhase({ name: "idle" });
  };

  return (
    <section
      aria-labelledby="upload-heading"
      className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8"
    >
      <h2 id="upload-heading" className="text-lg font-semibold">
        Audio
      </h2>
      {(phase.name === "idle" || phase.name === "error" || phase.name === "uploaded") && (
        <FilePicker
          accept={accept}
          onFile={begin}
          label={
            hasAudio || phase.name === "uploaded" ? "Replace audio" : "Choose audio or video file"
          }
        >
          {phase.name === "uploaded" && (
            <p
              role="status"
              className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800"
            >
              {displayFileName(phase.fileName)} is uploaded. Processing has started below.
            </p>
          )}
          {phase.name === "error" && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
              {phase.message}
            </p>
          )}
          {saved && phase.name !== "error" && (
            <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <span>
                An upload of <strong>{displayFileName(saved.fileName)}</strong> stopped at{" "}
                {Math.round((Object.keys(saved.completed).length / saved.partCount) * 100)}%. Choose
                the same file to continue.
              </span>
              <button
                type="button"
                onClick={cancel}
                className="rounded-md px-2 py-1 font-medium hover:bg-amber-100"
              >
                Discard
              </button>
            </div>
          )}
        </FilePicker>
      )}
      {(phase.name === "uploading" || phase.name === "paused") && (
        <div className="mt-4 space-y-3">
          <ProgressBar
            progress={phase.progress}
            fileName={phase.file.name}
            isPaused={phase.name === "paused"}
          />
          <div className="flex gap-2">
            {phase.name === "uploading" ? (
              <button
                type="button"
                onClick={pause}
                className="rounded-lg border border-stone-300 px-4 py-2 text-sm font-semibold hover:bg-stone-50"
              >
                Pause
              </button>
            ) : (
              <button
                type="button"
                onClick={run}
                className="rounded-lg bg-amber-700 px-4 py-2 text-sm font-semibold text-white hover:bg-amber-800"
              >
                Resume
              </button>
            )}
            <button
              type="button"
              onClick={cancel}
              className="rounded-lg px-4 py-2 text-sm font-semibold text-red-700 hover:bg-red-50"
            >
              Cancel upload
            </button>
          </div>
        </div>
      )}
      {phase.name === "completing" && (
        <p role="status" className="mt-4 text-sm text-stone-700">
          Checking the uploaded file…
        </p>
      )}
    </section>
  );
}

function FilePicker({
  accept,
  onFile,
  label,
  children,
}: {
  accept: string;
  onFile: (file: File) => void;
  label: string;
  children?: React.ReactNode;
}) {
  const [isOver, setIsOver] = useState(false);
  return (
    <div className="mt-4 space-y-3">
      {children}
      <label
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setIsOver(false);
          const file = event.dataTransfer.files[0];
          if (file) onFile(file);
        }}
        className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed px-6 py-10 text-center transition ${isOver ? "border-amber-500 bg-amber-50" : "border-stone-300 hover:border-amber-400"}`}
      >
        <span className="text-sm font-semibold text-stone-800">{label}</span>
        <span className="text-xs text-stone-500">
          MP3, M4A, WAV, FLAC, Ogg/Opus, WebM, WMA, AIFF, AMR, CAF, or a video with sound (MP4, MOV,
          MKV) · drop it here or click
        </span>
        <input
          type="file"
          accept={accept}
          aria-label={label}
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) onFile(file);
          }}
        />
      </label>
    </div>
  );
}

function ProgressBar({
  progress,
  fileName,
  isPaused,
}: {
  progress: UploadProgress;
  fileName: string;
  isPaused: boolean;
}) {
  const percent = progress.totalBytes
    ? Math.floor((progress.sentBytes / progress.totalBytes) * 100)
    : 0;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="truncate font-medium text-stone-800">{displayFileName(fileName)}</span>
        <span className="font-semibold tabular-nums" data-testid="upload-percent">
          {percent}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-stone-200"
      >
        <div
          className={`h-full rounded-full transition-[width] ${isPaused ? "bg-stone-400" : "bg-amber-500"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 text-xs tabular-nums text-stone-500">
        {mb(progress.sentBytes)} of {mb(progress.totalBytes)}
        {isPaused
          ? " · paused"
          : progress.bytesPerSecond > 0
            ? ` · ${mb(progress.bytesPerSecond)}/s · ${progress.secondsLeft !== null ? `${formatDuration(progress.secondsLeft * 1000)} left` : ""}`
            : ""}
      </p>
    </div>
  );
}
