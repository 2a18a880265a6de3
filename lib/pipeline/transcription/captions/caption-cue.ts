/** One caption: times in ms from the start of the sermon. */
export interface CaptionCue {
  startMs: number;
  endMs: number;
  text: string;
  speaker: string | null;
}
