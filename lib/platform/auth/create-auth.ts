import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@/lib/platform/db/client";
import { publicOrigin } from "@/lib/platform/http/public-origin";
import { APIError } from "better-auth/api";
import { createSignInLimiter, SIGN_UP_LIMITS, type SignInLimiter } from "./sign-in-limiter";
import { RATE_LIMITED_AUTH_PATHS, signInRateLimit } from "./sign-in-rate-limit";

export const MIN_PASSWORD_LENGTH = 10;

export const OWNS_CHURCH_MEMBERSHIPS =
  "This account is an admin of a church, so it cannot be deleted here. Ask whoever runs Selah to remove you from your churches first.";

/**
 * Email + password accounts with sessions in the database. Anyone may sign up as a listener
 * (POST /api/auth/sign-up/email): a listener is a User with no Membership, so every admin page,
 * action and route refuses them (church-access.ts). Admins are created by `npm run
 * admin:create` (lib/platform/auth/create-admin.ts). Sign-in and sign-up are rate-limited per
 * address and per account by one limiter (sign-in-limiter.ts), sign-up further per address
 * (SIGN_UP_LIMITS), for HTTP calls and `auth.api` calls alike; better-auth's own per-path
 * limiter (on in production) keeps guarding its other endpoints.
 *
 * A listener deletes their account with POST /api/auth/delete-user (their password as the
 * confirmation): the user, its sessions and accounts go, and with them (by foreign keys) its
 * saved positions and follows; its play events are deleted here. An admin cannot delete
 * themselves this way: a church must not lose its last owner by accident.
 */
export function createAuth(options: {
  db: Db;
  secret: string;
  baseURL?: string;
  inNextServer: boolean;
  /** Tests pass their own (e.g. with a fake clock); otherwise one per auth instance. */
  signInLimiter?: SignInLimiter;
  signUpLimiter?: SignInLimiter;
}) {
  const db = options.db;
  return betterAuth({
    database: prismaAdapter(options.db, { provider: "postgresql" }),
    secret: options.secret,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    // Browsers post to /api/auth from the listener pages (sign-up, sign-in, delete-user): the
    // Origin they send must be the site's own, the configured URL or else the host the request
    // came to (which is what better-auth infers its base URL from, but per request).
    trustedOrigins: (request) => (request ? [publicOrigin(request.headers, request.url)] : []),
    // better-auth skips the check under NODE_ENV=test; tests check what production does.
    advanced: { disableOriginCheck: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
    },
    user: {
      deleteUser: {
        enabled: true,
        beforeDelete: async (user) => {
          if ((await db.membership.count({ where: { userId: user.id } })) > 0)
            throw new APIError("CONFLICT", {
              message: OWNS_CHURCH_MEMBERSHIPS,
              code: "HAS_CHURCH_MEMBERSHIPS",
            });
        },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    rateLimit: {
      customRules: Object.fromEntries(RATE_LIMITED_AUTH_PATHS.map((path) => [path, false])),
    },
    plugins: [
      signInRateLimit(
        options.signInLimiter ?? createSignInLimiter(),
        options.signUpLimiter ??
          createSignInLimiter({ limits: SIGN_UP_LIMITS, what: "new accounts" }),
      ),
      // Lets server actions set the session cookie; meaningless (and unavailable) outside Next.
      ...(options.inNextServer ? [nextCookies()] : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
