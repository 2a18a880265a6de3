import type { Run } from "./types";

// Facts about a run that the modules which move runs along (step-results, run-lifecycle,
// run-starter, pauses, …) all need. They live here, below all of those modules, so that none
// of them has to import another just for these.

export function isActive(run: Run): boolean {
  return run.status === "Queued" || run.status === "Running";
}

/** One discovery job per run at a time, so two replays never run a step inline twice. */
export function discoveryJobId(runId: string): string {
  return `${runId}:discover`;
}

/** Runs whose discovery was requested while their discovery call was in flight. */
const rediscover = new Set<string>();

/** Notes that the run needs another discovery once its in-flight one is answered. */
export function markRediscover(runId: string): void {
  rediscover.add(runId);
}

/** Whether a rediscovery was noted for the run; clears the note. */
export function takeRediscover(runId: string): boolean {
  return rediscover.delete(runId);
}

/** Drops what is kept in memory about an ended run. */
export function forgetRun(runId: string): void {
  rediscover.delete(runId);
}
