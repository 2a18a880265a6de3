/** AAC-LC, the only codec the renditions use. */
export const AAC_LC_CODEC = "mp4a.40.2";

export interface MasterVariant {
  uri: string;
  /** Peak bits per second of any segment (HLS requires BANDWIDTH ≥ every segment's rate). */
  bandwidth: number;
  averageBandwidth?: number;
}

export function masterPlaylist(variants: readonly MasterVariant[]): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS"];
  for (const variant of [...variants].sort((a, b) => a.bandwidth - b.bandwidth)) {
    const attributes = [`BANDWIDTH=${Math.ceil(variant.bandwidth)}`];
    if (variant.averageBandwidth !== undefined)
      attributes.push(`AVERAGE-BANDWIDTH=${Math.ceil(variant.averageBandwidth)}`);
    attributes.push(`CODECS="${AAC_LC_CODEC}"`);
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(",")}`, variant.uri);
  }
  return `${lines.join("\n")}\n`;
}
