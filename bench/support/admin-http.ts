// HTTP for the benchmarks that run a whole Selah: requests read to their last byte over one
// keep-alive agent, and the admin API as README "Scripting uploads" uses it (sign in, upload a
// recording in parts, add captions, wait for the pipeline).
import http from "node:http";

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
export interface RequestOptions {
  headers?: Record<string, string>;
  body?: Buffer | string;
  json?: unknown;
}

/** One keep-alive agent for every request of a benchmark: connections are reused, as a browser's. */
export const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 1024 });
const REQUEST_TIMEOUT_MS = 30_000;

/** One request, read to its last byte. */
export function send(base: string, method: string, target: string, options: RequestOptions = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const body =
      options.json !== undefined
        ? Buffer.from(JSON.stringify(options.json))
        : typeof options.body === "string"
          ? Buffer.from(options.body)
          : options.body;
    const headers: Record<string, string> = { ...options.headers };
    if (options.json !== undefined) headers["content-type"] = "application/json";
    if (body) headers["content-length"] = String(body.length);
    const request = http.request(new URL(target, base), { method, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on("error", reject);
      response.on("aborted", () => reject(new Error("aborted")));
    });
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error("timeout")));
    request.on("error", (error: Error & { reusedSocket?: boolean }) => {
      error.reusedSocket = request.reusedSocket;
      reject(error);
    });
    request.end(body);
  });
}

/** Sends a request; answers undefined (after recording why) unless its status is one of `ok`. */
export type Call = (
  method: string,
  target: string,
  options?: RequestOptions & { ok?: number[] },
) => Promise<Reply | undefined>;

/** Requests of the set-up: any unexpected answer stops the benchmark. */
export const strictCall =
  (base: string): Call =>
  async (method, target, options = {}) => {
    const reply = await send(base, method, target, options);
    if (!(options.ok ?? [200]).includes(reply.status))
      throw new Error(
        `${method} ${target} → ${reply.status}: ${reply.body.toString().slice(0, 300)}`,
      );
    return reply;
  };

/** The admin API of one church. */
export const churchApi = (church: string) => `/api/admin/churches/${church}`;

export async function signIn(
  base: string,
  admin: { email: string; password: string },
): Promise<string> {
  const reply = await strictCall(base)("POST", "/api/auth/sign-in/email", { json: admin });
  const cookies = reply!.headers["set-cookie"] ?? [];
  const jar = cookies.map((cookie) => cookie.split(";")[0]!).join("; ");
  if (!jar.includes("session_token=")) throw new Error("sign-in set no session cookie");
  return jar;
}

/**
 * One recording up through the admin API: create the sermon, start the upload, presign its
 * parts, PUT each part to its URL (on Selah: the /s3 pass-through), complete. Undefined when
 * a request failed (already recorded by `call`).
 */
export async function uploadSermon(
  call: Call,
  base: string,
  church: string,
  cookie: string,
  file: Buffer,
  fields: Record<string, unknown>,
): Promise<{ id: string; mediaVersion: number } | undefined> {
  const api = churchApi(church);
  const headers = { cookie };
  const created = await call("POST", `${api}/sermons`, { headers, json: fields, ok: [201] });
  if (!created) return undefined;
  const { id } = JSON.parse(created.body.toString()) as { id: string };
  const started = await call("POST", `${api}/sermons/${id}/uploads`, {
    headers,
    json: { fileName: "sermon.mp3", size: file.length },
  });
  if (!started) return undefined;
  const { uploadId, partSize, partCount } = JSON.parse(started.body.toString()) as {
    uploadId: string;
    partSize: number;
    partCount: number;
  };
  const partNumbers = Array.from({ length: partCount }, (_, i) => i + 1);
  const presigned = await call("POST", `${api}/sermons/${id}/uploads/${uploadId}/parts`, {
    headers,
    json: { partNumbers },
  });
  if (!presigned) return undefined;
  const { urls } = JSON.parse(presigned.body.toString()) as {
    urls: { partNumber: number; url: string }[];
  };
  const parts: { partNumber: number; etag: string }[] = [];
  for (const { partNumber, url } of urls) {
    const part = file.subarray((partNumber - 1) * partSize, partNumber * partSize);
    // A presigned URL is absolute for real storage; the embedded default's is a path on Selah.
    const put = await call("PUT", new URL(url, base).toString(), { body: part });
    if (!put) return undefined;
    parts.push({ partNumber, etag: String(put.headers.etag) });
  }
  const completed = await call("POST", `${api}/sermons/${id}/uploads/${uploadId}/complete`, {
    headers,
    json: { parts },
  });
  if (!completed) return undefined;
  const { mediaVersion } = JSON.parse(completed.body.toString()) as { mediaVersion: number };
  return { id, mediaVersion };
}

/** WebVTT captions: the sermon's lines in turn, one cue every 8 s over its whole length. */
export function captionsFor(lines: readonly string[], seconds: number): string {
  const stamp = (s: number) =>
    `${String(Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.000`;
  const cues: string[] = [];
  for (let start = 0, i = 0; start < seconds; start += 8, i++) {
    cues.push(
      `${stamp(start)} --> ${stamp(Math.min(start + 8, seconds))}\n${lines[i % lines.length]}`,
    );
  }
  return `WEBVTT\n\n${cues.join("\n\n")}\n`;
}

/** A sermon's pipeline status, as the admin API reports it. */
export async function sermonStatus(call: Call, church: string, cookie: string, id: string) {
  const reply = await call("GET", `${churchApi(church)}/sermons/${id}`, { headers: { cookie } });
  return (JSON.parse(reply!.body.toString()) as { status: string }).status;
}

/**
 * Polls the admin API until every sermon's status is one of `wanted`; a failed or rejected
 * sermon, or the deadline, throws (naming the statuses and where to look).
 */
export async function waitForStatus(
  call: Call,
  church: string,
  cookie: string,
  ids: readonly string[],
  wanted: readonly string[],
  options: { timeoutMs: number; logHint: string },
): Promise<string[]> {
  const statusOf = (id: string) => sermonStatus(call, church, cookie, id);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const statuses = await Promise.all(ids.map(statusOf));
    if (statuses.every((status) => wanted.includes(status))) return statuses;
    const failed = statuses.find((status) => status === "failed" || status === "rejected");
    if (failed || Date.now() > deadline)
      throw new Error(
        `sermons did not become ${wanted.join("/")}: ${statuses.join(", ")} (see ${options.logHint})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
