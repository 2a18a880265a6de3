/**
 * Every figure that turns a recogniser's confidence (0–1) into something a person sees or
 * search uses, in one place. pocketsphinx's word posteriors sit near 1 for words it is sure
 * of and fall steeply for guesses (0.08, 0.00003), so the marks are set well below its usual
 * run of 0.7–1; Deepgram's and Whisper's figures read on the same scale.
 */
export const CONFIDENCE_THRESHOLDS = {
  /** A word below this is shown dimmed: it may be wrong. */
  dimBelow: 0.5,
  /** A word below this is a guess; a run of them becomes "[unclear]". */
  unclearBelow: 0.2,
  /** Guessed words in a row that make an "[unclear]" stretch; fewer stay, dimmed. */
  unclearRunWords: 3,
  /**
   * How much a moment of confidence 0 loses of its search score (one of confidence 1 loses
   * nothing): a gentle weight, so an uncertain moment that matches well still comes up.
   */
  searchPenalty: 0.15,
  /** A sermon whose quality estimate is below this is listed under "Needs review". */
  reviewBelow: 0.7,
};
