import type { ConcurrencyTracker } from "./concurrency";
import type { EngineConfig } from "./env";
import type { FunctionIndex } from "./function-index";
import type { Logger } from "./logger";
import type { Scheduler } from "./scheduler";
import type { Store } from "./store";

/** Everything the engine's modules share; built once in startEngine. */
export interface EngineContext {
  config: EngineConfig;
  store: Store;
  log: Logger;
  functions: FunctionIndex;
  scheduler: Scheduler;
  concurrency: ConcurrencyTracker;
  /** Base URL of this engine, known once it listens. */
  baseUrl: string;
}
