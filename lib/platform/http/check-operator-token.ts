import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { AppError } from "@/lib/platform/errors/app-error";
import { toErrorResponse } from "./to-error-response";

const operatorEnvSchema = z.object({
  ADMIN_API_TOKEN: z
    .string()
    .min(32, "expected at least 32 characters (e.g. openssl rand -hex 32)")
    .optional(),
});

/**
 * The operator's bearer token (ADMIN_API_TOKEN) for what belongs to the whole platform, not one
 * church (the dead-letter queue, metrics): undefined when the request carries it; otherwise the
 * answer — 401 without one, 403 with a wrong one, 403 when no token is configured.
 */
export function checkOperatorToken(request: Request, what: string): Response | undefined {
  const expected = parseEnv(operatorEnvSchema, process.env).ADMIN_API_TOKEN;
  if (!expected)
    return toErrorResponse(
      new AppError(
        "forbidden",
        `${what} over HTTP are disabled: set ADMIN_API_TOKEN on the server.`,
      ),
    );
  const match = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "");
  if (!match)
    return toErrorResponse(
      new AppError(
        "unauthenticated",
        "Send the operator token: Authorization: Bearer <ADMIN_API_TOKEN>.",
      ),
      { headers: { "www-authenticate": 'Bearer realm="selah-operator"' } },
    );
  const digest = (value: string) => createHash("sha256").update(value).digest();
  if (!timingSafeEqual(digest(match[1]!), digest(expected)))
    return toErrorResponse(new AppError("forbidden", "That operator token is not valid."));
  return undefined;
}
