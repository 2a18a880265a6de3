import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { clientAddressOf } from "./client-address";
import type { SignInAttempt, SignInLimiter, SignInVerdict } from "./sign-in-limiter";

/** The endpoints that take a password: every way in, over HTTP or through `auth.api`. */
export const RATE_LIMITED_AUTH_PATHS = ["/sign-in/email", "/sign-up/email"];
const SIGN_UP_PATH = "/sign-up/email";

const attemptOf = (ctx: { headers?: Headers; body?: unknown }): SignInAttempt => {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return { address: clientAddressOf(ctx.headers), account: typeof email === "string" ? email : "" };
};

/**
 * A better-auth plugin that puts the sign-in limiter (sign-in-limiter.ts) in front of email
 * sign-in and sign-up. Its hooks run for HTTP calls to /api/auth and for direct
 * `auth.api.signInEmail` calls alike (the admin sign-in form's server action), so neither way
 * gets around it. A refused attempt is an APIError 429 `RATE_LIMITED` with Retry-After, before
 * the password is looked at.
 */
export function signInRateLimit(
  limiter: SignInLimiter,
  /** Sign-up's own, further limit per address (SIGN_UP_LIMITS). */
  signUpLimiter: SignInLimiter,
): BetterAuthPlugin {
  const matcher = (ctx: { path?: string }) => RATE_LIMITED_AUTH_PATHS.includes(ctx.path ?? "");
  return {
    id: "selah-sign-in-rate-limit",
    hooks: {
      before: [
        {
          matcher,
          handler: createAuthMiddleware(async (ctx) => {
            const attempt = attemptOf(ctx);
            refuseUnlessAllowed(limiter.attempt(attempt));
            if (ctx.path === SIGN_UP_PATH) refuseUnlessAllowed(signUpLimiter.attempt(attempt));
          }),
        },
      ],
      after: [
        {
          matcher,
          handler: createAuthMiddleware(async (ctx) => {
            if (!isAPIError(ctx.context.returned)) limiter.succeeded(attemptOf(ctx));
          }),
        },
      ],
    },
  };
}

function refuseUnlessAllowed(verdict: SignInVerdict): void {
  if (!verdict.allowed)
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { message: verdict.message, code: "RATE_LIMITED" },
      { "Retry-After": String(verdict.retryAfterSeconds) },
    );
}
