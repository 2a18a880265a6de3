import http from "node:http";
import https from "node:https";
import { z } from "zod";
import type { SerializedError } from "./types";

/** One opcode from a 206 body (section 4.4); unknown fields are ignored. */
export const opSchema = z.looseObject({
  id: z.string().min(1),
  op: z.string().min(1),
  name: z.string().optional(),
  displayName: z.string().optional(),
  opts: z.record(z.string(), z.unknown()).nullish(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
  userland: z.looseObject({ id: z.string().optional() }).optional(),
});

export type Op = z.infer<typeof opSchema>;

export type CallOutcome =
  | { kind: "complete"; output: unknown; requestVersion: number | undefined }
  | {
      kind: "ops";
      ops: Op[];
      noRetry: boolean | undefined;
      retryAfterMs: number | undefined;
      requestVersion: number | undefined;
    }
  | {
      kind: "error";
      error: SerializedError;
      retriable: boolean;
      retryAfterMs: number | undefined;
      requestVersion: number | undefined;
    };

const RETRY_AFTER_MIN_MS = 1000;
const RETRY_AFTER_MAX_MS = 24 * 3600_000;

/** `retry-after` as integer seconds or a date, clamped to [1 s, 24 h] as the server does. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const seconds = /^\d{1,7}$/.test(value.trim())
    ? Number(value.trim()) * 1000
    : Date.parse(value) - now;
  if (Number.isNaN(seconds)) return undefined;
  return Math.min(Math.max(seconds, RETRY_AFTER_MIN_MS), RETRY_AFTER_MAX_MS);
}

function transient(message: string): CallOutcome {
  return {
    kind: "error",
    error: { name: "EngineCallError", message },
    retriable: true,
    retryAfterMs: undefined,
    requestVersion: undefined,
  };
}

function toSerializedError(body: unknown, fallback: string): SerializedError {
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    const message =
      typeof record["message"] === "string"
        ? record["message"]
        : typeof record["error"] === "string"
          ? record["error"]
          : fallback;
    const name = typeof record["name"] === "string" ? record["name"] : "Error";
    const { __serialized: _ignored, ...rest } = record;
    return { ...rest, name, message };
  }
  return { name: "Error", message: typeof body === "string" && body ? body : fallback };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: text.trim() === "" ? null : JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Signed mode's check of an answer: undefined when its X-Inngest-Signature is valid, otherwise
 * what is wrong with it.
 */
export type ResponseCheck = (headers: Headers, text: string) => string | undefined;

/**
 * Interprets one SDK answer (status, headers, body text) as in section 4.3. With `check` (signed
 * mode) an answer is believed only with a valid signature; anything else is a transient error.
 */
export function interpretResponse(
  status: number,
  headers: Headers,
  text: string,
  allowStream = true,
  check?: ResponseCheck,
): CallOutcome {
  if (!headers.get("x-inngest-sdk")) {
    // The SDK strips its x-inngest-* headers (all but x-inngest-sdk-handled) from a 401.
    if (status === 401 && headers.get("x-inngest-sdk-handled")) {
      return transient(
        check
          ? "the app refused the engine's signature (HTTP 401): the app's INNGEST_SIGNING_KEY (or INNGEST_SIGNING_KEY_FALLBACK) must be the engine's signing key"
          : "the app refused an unsigned call (HTTP 401): it serves in signed (cloud) mode, so give the engine its INNGEST_SIGNING_KEY too",
      );
    }
    return transient(
      `response did not come from the Inngest SDK (HTTP ${status}, no x-inngest-sdk header)`,
    );
  }
  const versionHeader = headers.get("x-inngest-req-version");
  const requestVersion =
    versionHeader && /^-?\d+$/.test(versionHeader) ? Number(versionHeader) : undefined;
  const noRetryHeader = headers.get("x-inngest-no-retry");
  const noRetry = noRetryHeader === null ? undefined : noRetryHeader === "true";
  const retryAfterMs = parseRetryAfter(headers.get("retry-after"));

  if (status === 201 && allowStream) return interpretStream(headers, text, check);
  const problem = check?.(headers, text);
  if (problem) {
    const hint = problem.startsWith("no ")
      ? " (an app serving in dev mode, with INNGEST_DEV set, does not sign)"
      : "";
    return transient(
      `the app's answer (HTTP ${status}) carries ${problem}; it is not trusted${hint}`,
    );
  }

  const parsed = parseJson(text);
  if (status === 200) {
    if (!parsed.ok) return transient("the SDK answered 200 with a body that is not JSON");
    return { kind: "complete", output: parsed.value, requestVersion };
  }
  if (status === 206) {
    if (!parsed.ok) return transient("the SDK answered 206 with a body that is not JSON");
    const list = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    const ops: Op[] = [];
    for (const item of list) {
      const op = opSchema.safeParse(item);
      if (!op.success)
        return transient(
          `the SDK answered 206 with an invalid opcode: ${op.error.issues[0]?.message}`,
        );
      ops.push(op.data);
    }
    return { kind: "ops", ops, noRetry, retryAfterMs, requestVersion };
  }
  const error = toSerializedError(
    parsed.ok ? parsed.value : text.slice(0, 1000),
    `the SDK answered HTTP ${status}`,
  );
  const retriable = noRetry === undefined ? !(status >= 200 && status < 300) : !noRetry;
  return { kind: "error", error, retriable, retryAfterMs, requestVersion };
}

const streamEnvelope = z.object({
  status: z.number(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
});

/** Streaming mode: whitespace heartbeats, then one JSON envelope whose body is a JSON string. */
function interpretStream(
  outer: Headers,
  text: string,
  check: ResponseCheck | undefined,
): CallOutcome {
  const parsed = parseJson(text.trim());
  const envelope = parsed.ok ? streamEnvelope.safeParse(parsed.value) : undefined;
  if (!envelope?.success) return transient("the SDK's streamed response could not be parsed");
  const headers = new Headers(envelope.data.headers ?? {});
  if (!headers.has("x-inngest-sdk"))
    headers.set("x-inngest-sdk", outer.get("x-inngest-sdk") ?? "inngest-js");
  if (!headers.has("x-inngest-req-version") && outer.has("x-inngest-req-version")) {
    headers.set("x-inngest-req-version", outer.get("x-inngest-req-version") ?? "");
  }
  // The signature travels inside the envelope, over the envelope's body.
  return interpretResponse(envelope.data.status, headers, envelope.data.body ?? "", false, check);
}

export interface CallRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Signed mode: the answer's signature check. */
  checkResponse?: ResponseCheck;
}

export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

// node:http with keep-alive instead of fetch: calls are the engine's hot path, and undici's
// fetch allocates several times more per request.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 256 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

class CallFailedError extends Error {
  override name = "CallFailedError";
}

interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * A kept-alive socket the app closed as idle just as we reused it fails with ECONNRESET
 * before the request reached the app; Node's documented remedy is to resend once at once
 * (instead of waiting out a retry backoff).
 */
function post(request: CallRequest, resent = false): Promise<RawResponse> {
  const url = new URL(request.url);
  const client = url.protocol === "https:" ? https : http;
  const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(request.body),
          ...request.headers,
        },
        timeout: request.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            res.destroy(
              new CallFailedError(`the app's response is larger than ${MAX_RESPONSE_BYTES} bytes`),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on("error", reject);
        res.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined)
              headers.set(name, Array.isArray(value) ? value.join(", ") : value);
          }
          resolve({
            status: res.statusCode ?? 0,
            headers,
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    req.on("timeout", () =>
      req.destroy(new CallFailedError(`no answer within ${request.timeoutMs} ms`)),
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (!resent && req.reusedSocket && error.code === "ECONNRESET") resolve(post(request, true));
      else reject(error);
    });
    req.end(request.body);
  });
}

/** POSTs one call to the App; network failures, timeouts and oversize answers become transient errors. */
export async function callSdk(request: CallRequest): Promise<CallOutcome> {
  let response: RawResponse;
  try {
    response = await post(request);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return transient(
      `could not get an answer from the app at ${request.url}: ${code ?? (error as Error).message}`,
    );
  }
  return interpretResponse(
    response.status,
    response.headers,
    response.text,
    true,
    request.checkResponse,
  );
}
