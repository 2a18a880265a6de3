import type { SharePreview } from "@/lib/catalog/sharing/share-preview";

// Drawn by next/og (Satori): flexbox and inline styles only, in its bundled font.
const AMBER = "#d97706";
const INK = "#1c1917";

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/**
 * A shared sermon's preview image (1200×630, app/preview/sermons/[id]): title, speaker,
 * church and date; for a moment, the quoted words and when they are said.
 */
export function SermonPreviewCard({ preview }: { preview: SharePreview }) {
  const quote = preview.moment?.quote;
  const byline = [preview.speaker, preview.church, preview.date].filter(Boolean).join("  ·  ");
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "#fafaf9",
        color: INK,
        borderBottom: `16px solid ${AMBER}`,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 20, fontSize: 34 }}>
        <div
          style={{
            width: 56,
            height: 56,
            borderRadius: 12,
            background: AMBER,
            color: "white",
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            fontSize: 36,
          }}
        >
          S
        </div>
        <span>Selah</span>
        {preview.moment && (
          <span style={{ marginLeft: "auto", color: "#92400e" }}>{`▶ ${preview.moment.at}`}</span>
        )}
      </div>
      {quote ? (
        <div style={{ display: "flex", flexDirection: "column", gap: 28 }}>
          <div style={{ fontSize: quote.length > 140 ? 46 : 56, lineHeight: 1.25 }}>
            {`“${quote}”`}
          </div>
          <div style={{ fontSize: 32, color: "#57534e" }}>{clip(preview.title, 70)}</div>
        </div>
      ) : (
        <div style={{ fontSize: preview.title.length > 50 ? 64 : 80, lineHeight: 1.1 }}>
          {clip(preview.title, 110)}
        </div>
      )}
      <div style={{ fontSize: 32, color: "#44403c" }}>{byline}</div>
    </div>
  );
}
