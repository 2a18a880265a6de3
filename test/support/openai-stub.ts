import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
};

export type OpenAiStub = {
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
};

type Handler = (request: RecordedRequest, response: ServerResponse) => void;

/**
 * A local node:http server answering the OpenAI REST shapes the app uses, so contract tests
 * run the real `openai` SDK against it. Each route's handler writes the documented response.
 */
export async function startOpenAiStub(routes: Record<string, Handler>): Promise<OpenAiStub> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? "").split("?")[0] ?? "";
    const request = {
      method: req.method ?? "",
      path,
      headers: req.headers,
      body: JSON.parse(Buffer.concat(chunks).toString() || "{}"),
    };
    requests.push(request);
    const handler = routes[`${request.method} ${path}`];
    if (!handler) {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(
          JSON.stringify({ error: { message: "no such route", type: "invalid_request_error" } }),
        );
      return;
    }
    handler(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
