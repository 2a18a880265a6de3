import { serverEnv } from "@/lib/platform/config/server-env";
import { getDb } from "@/lib/platform/db/client";
import { type Auth, createAuth } from "./create-auth";

const globalForAuth = globalThis as unknown as { selahAuth?: Auth };

/** The web app's auth instance, built on first use so `next build` needs no secrets. */
export function getAuth(): Auth {
  const env = serverEnv();
  globalForAuth.selahAuth ??= createAuth({
    db: getDb(),
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.BETTER_AUTH_URL,
    inNextServer: true,
  });
  return globalForAuth.selahAuth;
}
