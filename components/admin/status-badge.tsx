import type { PublishState, SermonStatus } from "@/lib/catalog/sermons/sermon-status";

const STATUS: Record<SermonStatus, { label: string; className: string }> = {
  draft: { label: "No audio yet", className: "bg-stone-100 text-stone-600" },
  uploading: { label: "Uploading", className: "bg-sky-50 text-sky-700" },
  processing: { label: "Processing", className: "bg-amber-50 text-amber-800" },
  streamable: { label: "Streamable", className: "bg-emerald-50 text-emerald-700" },
  transcribed: { label: "Transcribed", className: "bg-emerald-50 text-emerald-700" },
  searchable: { label: "Searchable", className: "bg-emerald-100 text-emerald-800" },
  failed: { label: "Failed", className: "bg-red-50 text-red-700" },
  rejected: { label: "Unusable file", className: "bg-red-50 text-red-700" },
};

const PUBLISH: Record<PublishState, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  published: "Published",
};

export function StatusBadge({ status }: { status: SermonStatus }) {
  const { label, className } = STATUS[status];
  return (
    <span
      data-status={status}
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${className}`}
    >
      {label}
    </span>
  );
}

export const publishLabel = (state: PublishState) => PUBLISH[state];
