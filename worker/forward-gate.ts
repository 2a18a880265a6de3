import { setTimeout as sleep } from "node:timers/promises";

/**
 * Shared by the pollers: after the event API fails, polling pauses (1 s, doubling, capped)
 * and then a single poller probes with one message. Without it every poller would keep
 * pulling batches during an outage, spending each message's receive count (and pushing it
 * towards the DLQ) on requests that cannot succeed.
 */
export class ForwardGate {
  private failures = 0;
  private openUntil = 0;
  private isProbing = false;

  constructor(private readonly maxPauseMs: number) {}

  get isOpen(): boolean {
    return this.failures > 0;
  }

  /**
   * Resolves when this poller may receive; `probe` means it is the one testing the API.
   * `onWait` runs on every check while waiting (waiting is progress, not a hang).
   */
  async pass(signal: AbortSignal, onWait: () => void): Promise<{ probe: boolean }> {
    while (this.failures > 0 && !signal.aborted) {
      onWait();
      if (!this.isProbing && Date.now() >= this.openUntil) {
        this.isProbing = true;
        return { probe: true };
      }
      await sleep(Math.min(250, Math.max(10, this.openUntil - Date.now())), undefined, {
        signal,
      }).catch(() => undefined);
    }
    return { probe: false };
  }

  succeeded(): void {
    this.failures = 0;
    this.isProbing = false;
  }

  failed(): void {
    this.failures++;
    this.openUntil =
      Date.now() + Math.min(this.maxPauseMs, 1000 * 2 ** Math.min(20, this.failures - 1));
    this.isProbing = false;
  }

  /** The probe had nothing to forward; let the next poller try. */
  probeInconclusive(): void {
    this.isProbing = false;
  }
}
