import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@/lib/platform/db/client";

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Email + password sign-in with sessions in the database. There is no public sign-up:
 * admins are created by `npm run admin:create` (lib/platform/auth/create-admin.ts).
 */
export function createAuth(options: {
  db: Db;
  secret: string;
  baseURL?: string;
  inNextServer: boolean;
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
    // Lets server actions set the session cookie; meaningless (and unavailable) outside Next.
    plugins: options.inNextServer ? [nextCookies()] : [],
  });
}

export type Auth = ReturnType<typeof createAuth>;
