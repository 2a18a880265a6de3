import type { EngineContext } from "./context";

/** Drops ended runs, events and expired keys older than the retention window. */
export function pruneOldData(ctx: EngineContext): void {
  const now = Date.now();
  ctx.store.tx(() => {
    ctx.store.run("DELETE FROM dedupe_keys WHERE expires_at <= ?", now);
    ctx.store.run("DELETE FROM pauses WHERE kind = 'cancel' AND expires_at <= ?", now);
    if (ctx.config.retentionHours === 0) return;
    const cutoff = now - ctx.config.retentionHours * 3600_000;
    const old = "SELECT id FROM runs WHERE ended_at IS NOT NULL AND ended_at < ?";
    ctx.store.run(`DELETE FROM step_history WHERE run_id IN (${old})`, cutoff);
    ctx.store.run(`DELETE FROM run_events WHERE run_id IN (${old})`, cutoff);
    ctx.store.run("DELETE FROM runs WHERE ended_at IS NOT NULL AND ended_at < ?", cutoff);
    ctx.store.run("DELETE FROM events WHERE received_at < ?", cutoff);
  });
}
