import type { ConcurrencyTracker } from "./concurrency";
import type { EngineConfig } from "./env";
import type { FunctionIndex } from "./function-index";
import type { Logger } from "./logger";
import type { Scheduler } from "./scheduler";
import type { Store } from "./store";
import type { InngestEvent } from "./types";

/**
 * Calls from a lower module up into higher ones, wired once in engine.ts. Publishing an event
 * sets off triggers and pauses, and those end runs, which publish `inngest/function.*` events:
 * a circle at run time. This seam keeps it out of the imports, so events.ts imports neither
 * run-starter.ts nor pauses.ts.
 */
export interface EngineHooks {
  /**
   * What a newly stored event sets off, inside the transaction that stored it: function
   * triggers, then waits, cancellations and invoke completions.
   */
  fanOutEvent(event: InngestEvent, internalId: string): void;
}

/** Everything the engine's modules share; built once in startEngine. */
export interface EngineContext {
  config: EngineConfig;
  store: Store;
  log: Logger;
  functions: FunctionIndex;
  scheduler: Scheduler;
  concurrency: ConcurrencyTracker;
  hooks: EngineHooks;
  /** Base URL of this engine, known once it listens. */
  baseUrl: string;
  /** App URLs whose sync succeeded since the engine started (app-sync.ts). */
  syncedAppUrls: Set<string>;
}
