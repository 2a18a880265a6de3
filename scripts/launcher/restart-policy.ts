/**
 * When a supervised process that died unexpectedly is started again: exponential backoff
 * (0.5 s doubling to 30 s; a run that lasted a minute starts the backoff over) and a limit
 * (a fifth crash within two minutes ends the restarts).
 */
export type RestartPolicy = {
  initialDelayMs: number;
  maxDelayMs: number;
  /** A run at least this long before it crashed counts as stable: the next delay is initialDelayMs again. */
  stableAfterMs: number;
  /** This many crashes within crashWindowMs and the process is given up on. */
  maxCrashes: number;
  crashWindowMs: number;
};

export const defaultRestartPolicy: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxCrashes: 5,
  crashWindowMs: 120_000,
};

export type RestartDecision =
  | { action: "restart"; delayMs: number; crashesInWindow: number }
  | { action: "give-up"; crashesInWindow: number };

/** The crash history of one process, and what to do about its latest crash. */
export class RestartBackoff {
  private crashTimes: number[] = [];
  private nextDelayMs: number;

  constructor(readonly policy: RestartPolicy = defaultRestartPolicy) {
    this.nextDelayMs = policy.initialDelayMs;
  }

  /** Records a crash at `now` of a run that lasted `ranMs`, and decides. */
  crashed(now: number, ranMs: number): RestartDecision {
    const { policy } = this;
    this.crashTimes = [...this.crashTimes.filter((at) => now - at < policy.crashWindowMs), now];
    const crashesInWindow = this.crashTimes.length;
    if (crashesInWindow >= policy.maxCrashes) return { action: "give-up", crashesInWindow };
    if (ranMs >= policy.stableAfterMs) this.nextDelayMs = policy.initialDelayMs;
    const delayMs = this.nextDelayMs;
    this.nextDelayMs = Math.min(delayMs * 2, policy.maxDelayMs);
    return { action: "restart", delayMs, crashesInWindow };
  }
}
