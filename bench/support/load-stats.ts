// Figures for bench:load: latencies per request kind, their percentiles, and the one JSON line
// the benchmark ends with (its keys are read by other tools: keep `requests`, `errors`, `p95Ms`
// and `webRssMb` as they are).

/** What bench:load asks the web app for, each counted and timed on its own. */
export const REQUEST_KINDS = ["playlist", "segment", "search", "upload"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Nearest-rank percentile (`p` in 0–1) of ascending `sorted`; 0 for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface KindSummary {
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Every request's latency (ms, to the last byte) and outcome, by kind. */
export class LatencyBook {
  private readonly latencies = new Map<RequestKind, number[]>();
  private readonly failures = new Map<RequestKind, number>();
  /** Why requests failed ("segment 503", "search ECONNRESET"), with counts. */
  readonly errorReasons = new Map<string, number>();

  record(kind: RequestKind, ms: number, error?: string): void {
    let list = this.latencies.get(kind);
    if (!list) this.latencies.set(kind, (list = []));
    list.push(ms);
    if (error === undefined) return;
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
    const reason = `${kind} ${error}`;
    this.errorReasons.set(reason, (this.errorReasons.get(reason) ?? 0) + 1);
  }

  /** How many requests of `kind` were recorded so far (all kinds without one). */
  count(kind?: RequestKind): number {
    if (kind) return this.latencies.get(kind)?.length ?? 0;
    return REQUEST_KINDS.reduce((sum, each) => sum + this.count(each), 0);
  }

  errorCount(kind?: RequestKind): number {
    if (kind) return this.failures.get(kind) ?? 0;
    return REQUEST_KINDS.reduce((sum, each) => sum + this.errorCount(each), 0);
  }

  /** Latencies of `kind` recorded from index `from` on (a progress window). */
  since(kind: RequestKind, from: number): number[] {
    return (this.latencies.get(kind) ?? []).slice(from);
  }

  summary(kind: RequestKind): KindSummary {
    const sorted = [...(this.latencies.get(kind) ?? [])].sort((a, b) => a - b);
    return {
      requests: sorted.length,
      errors: this.errorCount(kind),
      p50Ms: round(percentile(sorted, 0.5)),
      p95Ms: round(percentile(sorted, 0.95)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted.at(-1) ?? 0),
    };
  }
}

export interface LoadResultInput {
  book: LatencyBook;
  seconds: number;
  /** The web process's RSS before the load, half-way through, at its end, and the highest seen. */
  webRssMb: { before: number; mid: number; after: number; peak: number };
  /** Anything else worth keeping beside the figures (settings, start-up time, load average). */
  extra?: Record<string, unknown>;
}

type PerKind = Record<RequestKind, number>;

/**
 * The benchmark's last line: `requests` and `errors` per kind and in `total`, latency
 * percentiles per kind (`p95Ms.segment`, …), requests per second, and the web process's RSS.
 */
export function loadResult({ book, seconds, webRssMb, extra = {} }: LoadResultInput) {
  const summaries = Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, book.summary(kind)]));
  const perKind = (pick: (summary: KindSummary) => number) =>
    Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, pick(summaries[kind]!)])) as PerKind;
  return {
    bench: "load",
    ...extra,
    seconds,
    requests: { ...perKind((s) => s.requests), total: book.count() },
    errors: { ...perKind((s) => s.errors), total: book.errorCount() },
    requestsPerS: perKind((s) => round(s.requests / seconds)),
    p50Ms: perKind((s) => s.p50Ms),
    p95Ms: perKind((s) => s.p95Ms),
    p99Ms: perKind((s) => s.p99Ms),
    maxMs: perKind((s) => s.maxMs),
    errorReasons: Object.fromEntries(book.errorReasons),
    webRssMb: {
      before: round(webRssMb.before),
      mid: round(webRssMb.mid),
      after: round(webRssMb.after),
      peak: round(webRssMb.peak),
    },
  };
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
