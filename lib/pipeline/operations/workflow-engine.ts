import { createHash } from "node:crypto";
import { z } from "zod";
import { inngestApiBaseUrl } from "@/lib/platform/config/inngest-env";
import type { ServerEnv } from "@/lib/platform/config/server-env";
import { AppError } from "@/lib/platform/errors/app-error";

type InngestEnv = Pick<
  ServerEnv,
  "INNGEST_BASE_URL" | "INNGEST_DEV" | "INNGEST_SIGNING_KEY" | "INNGEST_EVENT_KEY"
>;

/**
 * Which workflow engine the app runs on, as the operator pages need to know it: `embedded` is
 * engine/ (its REST API lists runs, so Selah shows them); `inngest` is Inngest Cloud, a
 * self-hosted Inngest or the Dev Server, whose own dashboard shows runs (Selah links to it).
 */
export type WorkflowEngine =
  | { kind: "embedded"; client: EngineClient }
  | { kind: "inngest"; dashboardUrl: string }
  | { kind: "unreachable"; apiUrl: string; error: string };

/**
 * engine/ answers `GET /v1/engine/stats`, which Inngest does not have: asking it tells the two
 * apart without a setting of its own. An engine that does not answer is reported as such.
 */
export async function detectWorkflowEngine(env: InngestEnv): Promise<WorkflowEngine> {
  const client = engineClient(env);
  try {
    const stats = await client.request("GET", "/v1/engine/stats", { timeoutMs: 2000 });
    if (
      stats.ok &&
      typeof ((await stats.json()) as { activeRuns?: unknown }).activeRuns === "number"
    )
      return { kind: "embedded", client };
    return { kind: "inngest", dashboardUrl: inngestDashboardUrl(env) };
  } catch (error) {
    return {
      kind: "unreachable",
      apiUrl: client.baseUrl,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Inngest Cloud's dashboard, or a self-hosted Inngest's or the Dev Server's own UI. */
export function inngestDashboardUrl(env: InngestEnv): string {
  const base = inngestApiBaseUrl(env);
  return base === "https://api.inngest.com" ? "https://app.inngest.com/" : new URL("/", base).href;
}

export type EngineClient = {
  baseUrl: string;
  request(
    method: "GET" | "DELETE" | "POST",
    path: string,
    options?: { timeoutMs?: number },
  ): Promise<Response>;
  /** GET a `{data, metadata}` envelope; its data validated, and the next page's cursor. */
  read<T>(path: string, schema: z.ZodType<T>): Promise<{ data: T; cursor: string | null }>;
};

export class WorkflowEngineError extends AppError {
  override name = "WorkflowEngineError";
}

/**
 * The engine's REST API, authorised as the SDK is: `Bearer` and the signing key's hash (the
 * key itself never leaves the process). Without a signing key (dev mode) no header is sent.
 */
export function engineClient(env: InngestEnv): EngineClient {
  const baseUrl = inngestApiBaseUrl(env);
  const headers: Record<string, string> = env.INNGEST_SIGNING_KEY
    ? { authorization: `Bearer ${hashSigningKey(env.INNGEST_SIGNING_KEY)}` }
    : {};
  const request: EngineClient["request"] = (method, path, options = {}) =>
    fetch(new URL(path, baseUrl), {
      method,
      headers,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      cache: "no-store",
    });
  return {
    baseUrl,
    request,
    async read(path, schema) {
      let response: Response;
      try {
        response = await request("GET", path);
      } catch (error) {
        throw new WorkflowEngineError(
          "unavailable",
          `The workflow engine at ${baseUrl} did not answer (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
      if (response.status === 404)
        throw AppError.notFound("The workflow engine has no such run or event.");
      if (!response.ok)
        throw new WorkflowEngineError(
          "unavailable",
          `The workflow engine answered HTTP ${response.status} to ${path}.`,
        );
      const parsed = z
        .object({ data: schema, metadata: z.object({ cursor: z.string().optional() }).optional() })
        .safeParse(await response.json().catch(() => null));
      if (!parsed.success)
        throw new WorkflowEngineError(
          "unavailable",
          `The workflow engine's answer to ${path} was not what Selah expects.`,
        );
      return { data: parsed.data.data, cursor: parsed.data.metadata?.cursor ?? null };
    },
  };
}

/** The form the SDK sends: `signkey-<env>-` and the SHA-256 of the key's bytes (engine/src/signing.ts). */
function hashSigningKey(signingKey: string): string {
  const prefix = /^signkey-\w+-/.exec(signingKey)?.[0] ?? "";
  const hex = signingKey.slice(prefix.length);
  return `${prefix}${createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex")}`;
}
