/** What admins may upload: audio, or video whose audio track is used. */
const ACCEPTED: Record<string, { contentType: string; containers: Container[] }> = {
  mp3: { contentType: "audio/mpeg", containers: ["mp3"] },
  m4a: { contentType: "audio/mp4", containers: ["mp4"] },
  aac: { contentType: "audio/aac", containers: ["adts", "mp4"] },
  wav: { contentType: "audio/wav", containers: ["wav"] },
  flac: { contentType: "audio/flac", containers: ["flac"] },
  ogg: { contentType: "audio/ogg", containers: ["ogg"] },
  opus: { contentType: "audio/ogg", containers: ["ogg"] },
  oga: { contentType: "audio/ogg", containers: ["ogg"] },
  mp4: { contentType: "video/mp4", containers: ["mp4"] },
  mov: { contentType: "video/quicktime", containers: ["mp4"] },
};

export type Container = "mp3" | "mp4" | "adts" | "wav" | "flac" | "ogg";

export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED);
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(",");

export const extensionOf = (fileName: string) => fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";

/** The content type stored with the object, from the extension (browsers often send none). */
export function acceptedContentType(fileName: string): string | null {
  return ACCEPTED[extensionOf(fileName)]?.contentType ?? null;
}

/** True when the file's first bytes are a container its extension allows. */
export function hasExpectedSignature(fileName: string, head: Uint8Array): boolean {
  const container = sniffContainer(head);
  return container !== null && (ACCEPTED[extensionOf(fileName)]?.containers.includes(container) ?? false);
}

/** Recognises a media container by its magic bytes. */
export function sniffContainer(head: Uint8Array): Container | null {
  const ascii = (start: number, length: number) => String.fromCharCode(...head.subarray(start, start + length));
  if (ascii(0, 4) === "RIFF" && ascii(8, 4) === "WAVE") return "wav";
  if (ascii(0, 4) === "fLaC") return "flac";
  if (ascii(0, 4) === "OggS") return "ogg";
  if (["ftyp", "moov", "mdat", "wide", "free", "skip"].includes(ascii(4, 4))) return "mp4";
  if (ascii(0, 3) === "ID3") return "mp3";
  const [first = 0, second = 0] = head;
  // ADTS AAC: 12-bit sync with layer bits 00; MPEG audio: 11-bit sync with a non-zero layer.
  if (first === 0xff && (second & 0xf6) === 0xf0) return "adts";
  if (first === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return "mp3";
  return null;
}
