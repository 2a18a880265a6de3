import type { ConcurrencySlot } from "./types";

/**
 * In-flight calls per concurrency key. Kept in memory on purpose: after a restart nothing is
 * in flight, so every counter correctly starts at zero.
 */
export class ConcurrencyTracker {
  private readonly inUse = new Map<string, number>();
  private readonly limits = new Map<string, number>();

  hasCapacity(slots: readonly ConcurrencySlot[]): boolean {
    return slots.every((slot) => (this.inUse.get(slot.key) ?? 0) < slot.limit);
  }

  acquire(slots: readonly ConcurrencySlot[]): void {
    for (const slot of slots) {
      this.inUse.set(slot.key, (this.inUse.get(slot.key) ?? 0) + 1);
      this.limits.set(slot.key, slot.limit);
    }
  }

  /** Keys with no free slot right now. */
  saturated(): string[] {
    return [...this.inUse]
      .filter(([key, used]) => used >= (this.limits.get(key) ?? Infinity))
      .map(([key]) => key);
  }

  release(slots: readonly ConcurrencySlot[]): void {
    for (const slot of slots) {
      const next = (this.inUse.get(slot.key) ?? 1) - 1;
      if (next <= 0) {
        this.inUse.delete(slot.key);
        this.limits.delete(slot.key);
      } else this.inUse.set(slot.key, next);
    }
  }
}
