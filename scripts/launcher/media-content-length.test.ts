import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CONTENT_LENGTH_RELAY } from "@/lib/catalog/playback/content-length-relay";

const preload = path.resolve("scripts/launcher/media-content-length.mjs");
let server: ChildProcess | undefined;
afterEach(() => {
  server?.kill();
  server = undefined;
});

/**
 * A Node HTTP server preloaded like the web app, answering as Next.js does for a route handler:
 * the handler's headers without Content-Length, then the body streamed (none for a HEAD).
 */
async function mediaServer(): Promise<number> {
  const source = `
    const server = require("node:http").createServer((req, res) => {
      const body = Buffer.alloc(5000, 1);
      res.setHeader("content-type", "audio/mp4");
      res.setHeader(${JSON.stringify(CONTENT_LENGTH_RELAY)}, String(body.length));
      if (req.url === "/gzipped") res.setHeader("content-encoding", "gzip");
      if (req.method === "HEAD") return res.end();
      res.write(body.subarray(0, 1000));
      res.end(body.subarray(1000));
    });
    server.listen(0, "127.0.0.1", () => console.log(server.address().port));`;
  server = spawn(process.execPath, ["--import", preload, "-e", source], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const child = server;
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
    child.stdout!.once("data", (chunk) => resolve(Number(String(chunk).trim())));
  });
}

function ask(port: number, method: string, target = "/") {
  return new Promise<{ headers: http.IncomingHttpHeaders; bytes: number }>((resolve, reject) => {
    http
      .request({ host: "127.0.0.1", port, method, path: target }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ headers: res.headers, bytes }));
      })
      .on("error", reject)
      .end();
  });
}

describe("the web app's media Content-Length preload", () => {
  it("sends the relayed length as Content-Length on GET and HEAD, not chunked, and hides the relay", async () => {
    const port = await mediaServer();
    const get = await ask(port, "GET");
    expect(get.headers["content-length"]).toBe("5000");
    expect(get.headers["transfer-encoding"]).toBeUndefined();
    expect(get.bytes).toBe(5000);
    expect(get.headers).not.toHaveProperty(CONTENT_LENGTH_RELAY);
    const head = await ask(port, "HEAD");
    expect(head.headers["content-length"]).toBe("5000");
    expect(head.headers).not.toHaveProperty(CONTENT_LENGTH_RELAY);
  });

  it("leaves a compressed answer without a length (the relayed one would be wrong)", async () => {
    const port = await mediaServer();
    const { headers } = await ask(port, "GET", "/gzipped");
    expect(headers["content-length"]).toBeUndefined();
    expect(headers).not.toHaveProperty(CONTENT_LENGTH_RELAY);
  });
});
