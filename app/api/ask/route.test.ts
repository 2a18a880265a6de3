import { describe, expect, it } from "vitest";
import { POST } from "./route";

const MB = 1024 * 1024;

/** 60 MB of JSON-ish bytes, made only as they are read; `pulled` counts what was read. */
function sixtyMegabytes() {
  const chunk = new TextEncoder().encode(`{"question":"${"x".repeat(64 * 1024 - 14)}`);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= 60 * MB) return controller.close();
        counter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

const ask = (body: BodyInit, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://selah.test/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );

describe("POST /api/ask body limit", () => {
  it("answers a 60 MB body with 413 at once, from its Content-Length, reading none of it", async () => {
    const { stream, counter } = sixtyMegabytes();
    const started = performance.now();
    const response = await ask(stream, { "content-length": String(60 * MB) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "payload_too_large",
        message: "The request body is larger than this endpoint accepts (8 KB); send less.",
        maxBytes: 8192,
      },
    });
    expect(counter.pulled).toBe(0);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("answers a 60 MB chunked body (no Content-Length) with 413 after reading past 8 KB only", async () => {
    const { stream, counter } = sixtyMegabytes();
    const started = performance.now();
    const response = await ask(stream);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(counter.pulled).toBeLessThanOrEqual(128 * 1024);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("still reads a small body and checks it: 400 for non-JSON, 422 for a long question", async () => {
    const notJson = await ask("what is grace?");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toEqual({
      code: "invalid_json",
      message: "The request body must be JSON: { question, church? }.",
    });
    const long = await ask(JSON.stringify({ question: "why ".repeat(200) }));
    expect(long.status).toBe(422);
    expect((await long.json()).error.message).toContain("expected at most 500 characters");
  });
});
