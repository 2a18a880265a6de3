// Draws Selah's app icons (the header's "S" tile) into public/icons/: the SVG the browser
// shows, and the PNGs an installed app needs (192, 512, a maskable 512 with room around the
// mark, and the 180 px Apple touch icon). Run after changing the mark: `npx tsx scripts/make-icons.ts`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const AMBER_700 = "#b45309";
const dir = path.resolve("public", "icons");

/** The tile: the amber square with a serif S; `inset` leaves the maskable safe zone around it. */
const tile = ({ rounded, inset }: { rounded: boolean; inset: number }) => {
  const size = 512;
  const inner = size - inset * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${rounded ? 112 : 0}" fill="${AMBER_700}"/>
  <text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="Georgia, 'DejaVu Serif', serif"
    font-size="${Math.round(inner * 0.68)}" font-weight="600" fill="#ffffff">S</text>
</svg>
`;
};

mkdirSync(dir, { recursive: true });
const plain = tile({ rounded: true, inset: 0 });
writeFileSync(path.join(dir, "icon.svg"), plain);
const outputs: [string, string, number][] = [
  ["icon-192.png", plain, 192],
  ["icon-512.png", plain, 512],
  ["icon-maskable-512.png", tile({ rounded: false, inset: 80 }), 512],
  ["apple-touch-icon.png", tile({ rounded: false, inset: 24 }), 180],
];
for (const [name, svg, size] of outputs) {
  await sharp(Buffer.from(svg)).resize(size, size).png().toFile(path.join(dir, name));
}
console.log(`Wrote ${outputs.length + 1} icons to ${path.relative(process.cwd(), dir)}`);
