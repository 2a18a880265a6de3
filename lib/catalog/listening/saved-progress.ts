/** A listener's place in one sermon, as GET /api/me/progress/{sermonId} answers it. */
export interface SavedProgress {
  positionMs: number;
  /** ISO 8601. */
  updatedAt: string;
}

export const toSavedProgress = (row: { positionMs: number; updatedAt: Date }): SavedProgress => ({
  positionMs: row.positionMs,
  updatedAt: row.updatedAt.toISOString(),
});
