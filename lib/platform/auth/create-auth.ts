import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@/lib/platform/db/client";
import { createSignInLimiter, type SignInLimiter } from "./sign-in-limiter";
import { RATE_LIMITED_AUTH_PATHS, signInRateLimit } from "./sign-in-rate-limit";

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Email + password sign-in with sessions in the database. There is no public sign-up:
 * admins are created by `npm run admin:create` (lib/platform/auth/create-admin.ts).
 * Sign-in and sign-up are rate-limited per address and per account by one limiter
 * (sign-in-limiter.ts), for HTTP calls and `auth.api` calls alike; better-auth's own per-path
 * limiter (on in production) keeps guarding its other endpoints.
 */
export function createAuth(options: {
  db: Db;
  secret: string;
  baseURL?: string;
  inNextServer: boolean;
  /** Tests pass their own (e.g. with a fake clock); otherwise one per auth instance. */
  signInLimiter?: SignInLimiter;
}) {
  return betterAuth({
    database: prismaAdapter(options.db, { provider: "postgresql" }),
    secret: options.secret,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    rateLimit: {
      customRules: Object.fromEntries(RATE_LIMITED_AUTH_PATHS.map((path) => [path, false])),
    },
    plugins: [
      signInRateLimit(options.signInLimiter ?? createSignInLimiter()),
      // Lets server actions set the session cookie; meaningless (and unavailable) outside Next.
      ...(options.inNextServer ? [nextCookies()] : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
