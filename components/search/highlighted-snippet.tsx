import type { SnippetPart } from "@/lib/search/snippet-parts";

/** The snippet with the matched words marked; text only, never injected HTML. */
export function HighlightedSnippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.isHighlight ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 font-medium text-stone-900">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
