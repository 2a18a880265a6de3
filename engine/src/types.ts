import type { FunctionConfig } from "./function-config";

export interface InngestEvent {
  name: string;
  data: Record<string, unknown>;
  id: string;
  ts: number;
  user: Record<string, unknown>;
  v?: string;
  meta?: Record<string, unknown>;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  cause?: unknown;
  [key: string]: unknown;
}

/** A memoized step value as sent back to the SDK (section 4.2). */
export type StepResult = { data: unknown } | { error: SerializedError };

export type RunStatus = "Queued" | "Running" | "Completed" | "Failed" | "Cancelled";

export const ACTIVE_STATUSES: readonly RunStatus[] = ["Queued", "Running"];

export interface ConcurrencySlot {
  key: string;
  limit: number;
}

export interface Run {
  id: string;
  fnId: string;
  appName: string;
  status: RunStatus;
  events: InngestEvent[];
  steps: Record<string, StepResult>;
  stack: string[];
  requestVersion: number;
  forcePlan: boolean;
  pending: string[];
  output: unknown;
  error: SerializedError | null;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  correlationId: string | null;
  singletonKey: string | null;
  config: FunctionConfig;
  concurrency: ConcurrencySlot[];
  priority: number;
}

export interface FunctionRecord {
  id: string;
  appName: string;
  name: string;
  version: number;
  config: FunctionConfig;
}
