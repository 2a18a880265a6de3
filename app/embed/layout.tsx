import "./embed.css";

// Pages here are framed by other sites (lib/platform/http/security-headers.ts EMBEDDABLE_PAGES).
export default function EmbedLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <div data-embed className="h-full">
      {children}
    </div>
  );
}
