// Drawn by next/og (Satori): flexbox and inline styles only, in its bundled font. The site's
// palette (Tailwind's amber and stone), as the church page's monogram uses it.
const AMBER_50 = "#fffbeb";
const AMBER_100 = "#fef3c7";
const AMBER_700 = "#b45309";
const AMBER_800 = "#92400e";
const STONE_50 = "#fafaf9";
const STONE_900 = "#1c1917";

/**
 * A church's podcast artwork (app/churches/[slug]/podcast-artwork.png), square: its initial in
 * a tile, as on its page, and its name. Churches have no artwork of their own yet.
 */
export function PodcastArtwork({ churchName }: { churchName: string }) {
  const initial = Array.from(churchName.trim())[0]?.toUpperCase() ?? "";
  const nameSize = churchName.length <= 18 ? 128 : churchName.length <= 40 ? 100 : 72;
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 120,
        backgroundImage: `linear-gradient(180deg, ${AMBER_50}, ${STONE_50})`,
      }}
    >
      <div
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "center",
          width: 360,
          height: 360,
          borderRadius: 72,
          backgroundColor: AMBER_100,
          color: AMBER_800,
          fontSize: 240,
        }}
      >
        {initial}
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", color: STONE_900, fontSize: nameSize, lineHeight: 1.1 }}>
          {churchName}
        </div>
        <div
          style={{
            display: "flex",
            marginTop: 48,
            color: AMBER_700,
            fontSize: 56,
            letterSpacing: 12,
            textTransform: "uppercase",
          }}
        >
          Sermons
        </div>
      </div>
    </div>
  );
}
