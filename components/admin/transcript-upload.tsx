"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type UploadState =
  | { kind: "idle" }
  | { kind: "uploading" }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string };

/** Sends a .vtt/.srt file as the request body; the server names the line of any problem. */
export function TranscriptUpload({ endpoint }: { endpoint: string }) {
  const router = useRouter();
  const [state, setState] = useState<UploadState>({ kind: "idle" });

  async function upload(file: File) {
    setState({ kind: "uploading" });
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        body: file,
        headers: { "content-type": file.type || "text/plain" },
      });
      const body = (await response.json()) as {
        segmentCount?: number;
        error?: { message: string };
      };
      if (!response.ok)
        return setState({ kind: "error", message: body.error?.message ?? "The upload failed." });
      setState({
        kind: "done",
        message: `Transcript replaced: ${body.segmentCount} captions from ${file.name}.`,
      });
      router.refresh();
    } catch {
      setState({
        kind: "error",
        message: "The upload did not reach the server; check your connection and try again.",
      });
    }
  }

  return (
    <div className="space-y-3">
      <label className="inline-flex cursor-pointer items-center gap-2 rounded-lg bg-amber-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-amber-800 has-[:disabled]:cursor-wait has-[:disabled]:opacity-60">
        {state.kind === "uploading" ? "Uploading…" : "Upload a .vtt or .srt file"}
        <input
          type="file"
          accept=".vtt,.srt,text/vtt,application/x-subrip"
          className="sr-only"
          disabled={state.kind === "uploading"}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) void upload(file);
          }}
        />
      </label>
      {state.kind === "done" && (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800"
        >
          {state.message}
        </p>
      )}
      {state.kind === "error" && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-700">
          {state.message}
        </p>
      )}
    </div>
  );
}
