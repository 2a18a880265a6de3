import type { CompletedParts } from "./multipart-upload";

/** What survives a page reload: which upload, of which file, and the parts already stored. */
export type SavedUpload = {
  uploadId: string;
  fileName: string;
  size: number;
  lastModified: number;
  partCount: number;
  completed: CompletedParts;
};

const keyFor = (sermonId: string) => `selah:upload:${sermonId}`;

export function loadSavedUpload(sermonId: string): SavedUpload | null {
  try {
    const raw = localStorage.getItem(keyFor(sermonId));
    return raw ? (JSON.parse(raw) as SavedUpload) : null;
  } catch {
    return null;
  }
}

export const saveUpload = (sermonId: string, upload: SavedUpload) =>
  localStorage.setItem(keyFor(sermonId), JSON.stringify(upload));
export const forgetUpload = (sermonId: string) => localStorage.removeItem(keyFor(sermonId));

export const isSameFile = (saved: SavedUpload, file: File) =>
  saved.fileName === file.name &&
  saved.size === file.size &&
  saved.lastModified === file.lastModified;
