import { authEnvSchema } from "@/lib/platform/config/auth-env";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";

const publicUrlSchema = authEnvSchema.pick({ BETTER_AUTH_URL: true });

const firstOf = (value: string | null) => value?.split(",")[0]?.trim() || undefined;

/**
 * The origin people reach Selah on, for absolute links that leave the site (share previews,
 * oEmbed, embed codes): `BETTER_AUTH_URL` when it is set, otherwise the request's own host and
 * scheme. Next.js fills X-Forwarded-Host/-Proto from the connection, and the launcher keeps
 * them only from a trusted proxy (scripts/launcher/forwarded-headers.mjs), so they are safe
 * to echo; `fallbackUrl` (the request's URL) serves where they are missing.
 */
export function publicOrigin(headers: Headers, fallbackUrl?: string, env: Env = process.env) {
  const configured = parseEnv(publicUrlSchema, env).BETTER_AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = firstOf(headers.get("x-forwarded-host")) ?? firstOf(headers.get("host"));
  const proto = firstOf(headers.get("x-forwarded-proto"));
  if (host) {
    try {
      return new URL(`${proto === "https" ? "https" : "http"}://${host}`).origin;
    } catch {
      // A Host header that is no host: fall through to the request's own URL.
    }
  }
  if (fallbackUrl) return new URL(fallbackUrl).origin;
  return "http://localhost";
}

/**
 * The origin for links made outside a request (emails from pipeline functions):
 * `BETTER_AUTH_URL`, or this machine's web app on PORT, as on the embedded default.
 */
export const configuredPublicOrigin = (env: Env = process.env) =>
  publicOrigin(new Headers(), `http://localhost:${Number(env.PORT) || 3000}`, env);
