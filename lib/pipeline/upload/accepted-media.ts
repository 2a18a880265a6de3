import { fileTypeFromBuffer } from "file-type";

// Media is judged by its bytes, not its name: an MP3 called .wav, a recording without an
// extension or `sermon.mp3.exe` holding MP3 are all MP3s. The name only picks the stored
// extension when it agrees with the content. What follows the first bytes is the audio
// check's to judge (ffprobe, then a pass over every packet: lib/pipeline/media/probe-media.ts).

/** How much of the upload's start detection reads: file-type's own "reasonable" sample. */
export const DETECTION_BYTES = 4100;

/** Stored extensions and the Content-Type each is stored with. */
const CONTENT_TYPES: Record<string, string> = {
  mp3: "audio/mpeg",
  mp2: "audio/mpeg",
  aac: "audio/aac",
  m4a: "audio/mp4",
  m4b: "audio/mp4",
  mp4: "video/mp4",
  m4v: "video/x-m4v",
  mov: "video/quicktime",
  "3gp": "video/3gpp",
  "3g2": "video/3gpp2",
  wav: "audio/wav",
  flac: "audio/flac",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
  spx: "audio/ogg",
  ogv: "video/ogg",
  webm: "video/webm",
  weba: "audio/webm",
  mkv: "video/x-matroska",
  mka: "audio/x-matroska",
  wma: "audio/x-ms-wma",
  wmv: "video/x-ms-wmv",
  asf: "video/x-ms-asf",
  aiff: "audio/aiff",
  aif: "audio/aiff",
  aifc: "audio/aiff",
  amr: "audio/amr",
  caf: "audio/x-caf",
};

/**
 * What file-type detects → the extensions such a file may be stored under, the first the
 * usual one. Only containers the audio check's demuxer whitelist opens
 * (ACCEPTED_DEMUXERS in lib/pipeline/media/ffmpeg-args.ts).
 */
const DETECTED: Record<string, readonly string[]> = {
  mp3: ["mp3"],
  mp2: ["mp2", "mp3"],
  aac: ["aac"],
  m4a: ["m4a", "m4b", "mp4"],
  m4b: ["m4b", "m4a"],
  f4a: ["m4a"],
  mp4: ["mp4", "m4a", "m4v"],
  m4v: ["m4v", "mp4"],
  f4v: ["mp4"],
  mov: ["mov", "mp4", "m4a"],
  "3gp": ["3gp", "mp4"],
  "3g2": ["3g2", "3gp"],
  wav: ["wav"],
  flac: ["flac"],
  ogg: ["ogg", "oga", "opus", "spx", "ogv"],
  oga: ["oga", "ogg"],
  opus: ["opus", "ogg", "oga"],
  spx: ["spx", "ogg"],
  ogv: ["ogv", "ogg"],
  ogm: ["ogv", "ogg"],
  webm: ["webm", "weba", "mkv", "mka"],
  mkv: ["mkv", "mka", "webm"],
  aif: ["aiff", "aif", "aifc"],
  amr: ["amr"],
  caf: ["caf"],
  // file-type names every ASF "asf"; its MIME type says whether a stream is audio or video.
  "asf:audio": ["wma", "asf"],
  "asf:video": ["wmv", "asf"],
  asf: ["asf", "wma", "wmv"],
};

/** Extensions a media file may carry (for messages and the upload's provisional key). */
export const MEDIA_EXTENSIONS = Object.keys(CONTENT_TYPES);

/**
 * For the file picker: any audio or video, plus extensions some systems give no media type.
 * A hint only (a file can be dropped whatever its name); the content decides.
 */
export const ACCEPT_ATTRIBUTE = [
  "audio/*",
  "video/*",
  ...MEDIA_EXTENSIONS.map((e) => `.${e}`),
].join(",");

/** What Selah reads, for messages. */
export const ACCEPTED_FORMATS =
  "audio (MP3, M4A/AAC, WAV, FLAC, Ogg/Opus, WebM, WMA, AIFF, AMR, CAF) and video with an audio track (MP4, MOV, MKV, WebM)";

export const extensionOf = (fileName: string) =>
  fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";

/** The name's extension when it is a media one (the upload's provisional key and type), or "". */
export function mediaExtensionOf(fileName: string): string {
  const extension = extensionOf(fileName);
  return extension in CONTENT_TYPES ? extension : "";
}

export function contentTypeOf(extension: string): string {
  return CONTENT_TYPES[extension] ?? "application/octet-stream";
}

export type DetectedMedia =
  /** A container Selah reads: stored as `extension`, served as `contentType`. */
  | { kind: "media"; extension: string; contentType: string }
  /** Audio or video in a container Selah does not read (AVI, MPEG-TS, MIDI…). */
  | { kind: "unsupported-media"; format: string }
  /** Anything else: text (playlists, concat lists, SDP), images, documents, programs, unknown. */
  | { kind: "other" };

/**
 * Judges an upload by its first bytes (DETECTION_BYTES of them) with file-type. `fileName`
 * only chooses among the extensions the content allows (so `talk.opus` stays .opus).
 */
export async function detectMedia(head: Uint8Array, fileName: string): Promise<DetectedMedia> {
  const type = await fileTypeFromBuffer(head).catch(() => undefined);
  // An ID3v2 tag is an MP3's own header; a tag longer than the sample hides what follows,
  // and file-type then says mp3 itself. After a short one, the audio check decides.
  const key = type
    ? type.ext === "asf"
      ? `asf${/^audio\//.test(type.mime) ? ":audio" : /^video\//.test(type.mime) ? ":video" : ""}`
      : type.ext
    : startsWithId3(head)
      ? "mp3"
      : undefined;
  const extensions = key === undefined ? undefined : DETECTED[key];
  if (extensions) {
    const named = extensionOf(fileName);
    const extension = extensions.includes(named) ? named : extensions[0]!;
    return { kind: "media", extension, contentType: contentTypeOf(extension) };
  }
  if (type && /^(audio|video)\//.test(type.mime))
    return { kind: "unsupported-media", format: type.ext.toUpperCase() };
  return { kind: "other" };
}

function startsWithId3(head: Uint8Array): boolean {
  return head.length >= 10 && head[0] === 0x49 && head[1] === 0x44 && head[2] === 0x33;
}
