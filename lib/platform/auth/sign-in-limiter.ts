/** What one sign-in limit counts, per what, and how many it allows in its window. */
export interface SignInLimit {
  /** Per client address (every account tried from it), or per account (from every address). */
  scope: "address" | "account";
  /** Every attempt, or only the ones whose password was wrong (a success takes its count back). */
  counts: "attempts" | "failures";
  max: number;
  windowSeconds: number;
}

/**
 * Sign-in and sign-up through better-auth's endpoint and the admin sign-in form alike:
 * - 3 attempts per 10 seconds from one address (the 4th waits), whatever the accounts;
 * - 20 failed attempts per 15 minutes from one address, across accounts (password spraying);
 * - 10 failed attempts per 15 minutes for one account, from any address; signing in with the
 *   right password clears them, so an admin who mistypes is not locked out later.
 */
export const SIGN_IN_LIMITS: readonly SignInLimit[] = [
  { scope: "address", counts: "attempts", max: 3, windowSeconds: 10 },
  { scope: "address", counts: "failures", max: 20, windowSeconds: 15 * 60 },
  { scope: "account", counts: "failures", max: 10, windowSeconds: 15 * 60 },
];

/**
 * New accounts from one address, on top of SIGN_IN_LIMITS (which count sign-ups as attempts):
 * listeners sign up at most 5 times an hour from one network, so no one script fills the user
 * table. Failed sign-ups (an email already taken, a short password) count too.
 */
export const SIGN_UP_LIMITS: readonly SignInLimit[] = [
  { scope: "address", counts: "attempts", max: 5, windowSeconds: 60 * 60 },
];

export type SignInVerdict =
  | { allowed: true }
  | { allowed: false; scope: "address" | "account"; retryAfterSeconds: number; message: string };

export interface SignInAttempt {
  /** The client's address; null when unknown (a call from code), which skips address limits. */
  address: string | null;
  /** The email tried, whether or not such an account exists (so no answer reveals which do). */
  account: string;
}

type Window = { count: number; resetsAt: number };

const MAX_ENTRIES = 100_000;

/**
 * The sign-in limiter: fixed windows per (limit, address or account), in this process's memory
 * (one web process; a restart forgets them). `attempt` decides and counts in one synchronous
 * step, failures included (as if the attempt will fail), so parallel guesses cannot all slip
 * through before the first one's outcome is known; `succeeded` takes the failure counts back.
 */
export function createSignInLimiter(
  options: {
    limits?: readonly SignInLimit[];
    now?: () => number;
    /** What the refusal says is too many, e.g. "new accounts" (default "sign-in attempts"). */
    what?: string;
  } = {},
) {
  const limits = options.limits ?? SIGN_IN_LIMITS;
  const what = options.what ?? "sign-in attempts";
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();

  const keyOf = (limit: SignInLimit, index: number, attempt: SignInAttempt) => {
    const subject = limit.scope === "address" ? attempt.address : normaliseAccount(attempt.account);
    return subject ? `${index}|${limit.scope}|${subject}` : null;
  };
  const live = (key: string, at: number) => {
    const window = windows.get(key);
    return window && window.resetsAt > at ? window : undefined;
  };
  const prune = (at: number) => {
    if (windows.size < MAX_ENTRIES) return;
    for (const [key, window] of windows) if (window.resetsAt <= at) windows.delete(key);
    for (const key of windows.keys()) {
      if (windows.size < MAX_ENTRIES) break;
      windows.delete(key);
    }
  };

  return {
    attempt(attempt: SignInAttempt): SignInVerdict {
      const at = now();
      const keys = limits.map((limit, index) => keyOf(limit, index, attempt));
      for (const [index, limit] of limits.entries()) {
        const key = keys[index];
        const window = key ? live(key, at) : undefined;
        if (window && window.count >= limit.max) {
          const retryAfterSeconds = Math.max(1, Math.ceil((window.resetsAt - at) / 1000));
          return {
            allowed: false,
            scope: limit.scope,
            retryAfterSeconds,
            message: refusalMessage(what, limit.scope, retryAfterSeconds),
          };
        }
      }
      prune(at);
      for (const [index, limit] of limits.entries()) {
        const key = keys[index];
        if (!key) continue;
        const window = live(key, at);
        if (window) window.count += 1;
        else windows.set(key, { count: 1, resetsAt: at + limit.windowSeconds * 1000 });
      }
      return { allowed: true };
    },

    /** The password was right: this attempt's failure counts are taken back, the account's cleared. */
    succeeded(attempt: SignInAttempt): void {
      const at = now();
      for (const [index, limit] of limits.entries()) {
        if (limit.counts !== "failures") continue;
        const key = keyOf(limit, index, attempt);
        const window = key ? live(key, at) : undefined;
        if (!key || !window) continue;
        if (limit.scope === "account") windows.delete(key);
        else window.count = Math.max(0, window.count - 1);
      }
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

const normaliseAccount = (email: string) => email.trim().toLowerCase();

function refusalMessage(what: string, scope: "address" | "account", seconds: number): string {
  const wait =
    seconds < 60
      ? `${seconds} second${seconds === 1 ? "" : "s"}`
      : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? "" : "s"}`;
  return scope === "address"
    ? `Too many ${what} from your network. Wait ${wait} and try again.`
    : `Too many failed sign-ins for this account. Wait ${wait} and try again.`;
}
