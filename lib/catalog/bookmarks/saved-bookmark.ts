/** One of a listener's bookmarks, as /api/me/bookmarks answers it. */
export interface SavedBookmark {
  id: string;
  sermonId: string;
  positionMs: number;
  /** Plain text, one line; never markup. */
  note: string;
  /** ISO 8601. */
  createdAt: string;
}

export const toSavedBookmark = (row: {
  id: string;
  sermonId: string;
  positionMs: number;
  note: string;
  createdAt: Date;
}): SavedBookmark => ({
  id: row.id,
  sermonId: row.sermonId,
  positionMs: row.positionMs,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
});
