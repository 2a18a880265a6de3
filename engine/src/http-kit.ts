import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError } from "./errors";

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Send `body` as-is (HTML) instead of JSON. */
  raw?: boolean;
}

export interface RequestInfo {
  method: string;
  url: URL;
  params: string[];
  headers: IncomingMessage["headers"];
  /** Parsed JSON body (undefined when empty); throws HttpError 400 on malformed JSON. */
  json(): Promise<unknown>;
}

export type Handler = (request: RequestInfo) => Promise<Reply> | Reply;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  isPublic: boolean;
}

export interface RouteOptions {
  /** Served without the router's authorization check (health, the UI's static page, `/e/<key>`). */
  isPublic?: boolean;
}

/** Decides whether a request may reach a non-public route; a refusal is a 401. */
export type Authorize = (request: Pick<RequestInfo, "headers">) => boolean;

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class Router {
  private readonly routes: Route[] = [];

  /** Without `authorize` every route is open (dev mode). */
  constructor(private readonly authorize?: Authorize) {}

  on(method: string, path: string, handler: Handler, options: RouteOptions = {}): this {
    // "/v1/runs/:id" → ^/v1/runs/([^/]+)$
    const pattern = new RegExp(`^${path.replace(/:[a-zA-Z]+/g, "([^/]+)")}/?$`);
    this.routes.push({ method, pattern, handler, isPublic: options.isPublic === true });
    return this;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://engine.local");
    const method = req.method ?? "GET";
    let reply: Reply;
    try {
      reply = await this.dispatch(method, url, req);
    } catch (error) {
      reply =
        error instanceof HttpError
          ? { status: error.status, body: { error: error.message, status: error.status } }
          : {
              status: 500,
              body: { error: `internal engine error: ${(error as Error).message}`, status: 500 },
            };
    }
    send(res, reply);
  }

  private async dispatch(method: string, url: URL, req: IncomingMessage): Promise<Reply> {
    if (method === "OPTIONS") return { status: 204, body: "", raw: true };
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      if (!route.isPublic && this.authorize && !this.authorize({ headers: req.headers })) {
        throw new HttpError(
          401,
          "Unauthorized: this engine runs in signed mode; send Authorization: Bearer <INNGEST_SIGNING_KEY or its hash>",
        );
      }
      let cached: Promise<unknown> | undefined;
      return route.handler({
        method,
        url,
        params: match.slice(1).map((part) => decodeURIComponent(part)),
        headers: req.headers,
        json: () => (cached ??= readJson(req)),
      });
    }
    if (pathMatched) throw new HttpError(405, `method ${method} not allowed on ${url.pathname}`);
    throw new HttpError(404, `no route for ${method} ${url.pathname}`);
  }
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        reject(new HttpError(413, `request body is larger than ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", reject);
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (text.trim() === "") return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, "request body is not valid JSON"));
      }
    });
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const body = reply.raw ? String(reply.body) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": reply.raw ? "text/html; charset=utf-8" : "application/json",
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, PUT, DELETE, OPTIONS",
    "access-control-allow-headers": "*",
    "x-inngest-server-kind": "dev",
    ...reply.headers,
  });
  res.end(body);
}

export function json(status: number, body: unknown): Reply {
  return { status, body };
}
