import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/platform/errors/app-error";
import { readBody } from "./read-body";
import { readJsonBody } from "./read-json-body";
import { toErrorResponse } from "./to-error-response";

const KB = 1024;

/**
 * A body that makes its bytes only as they are read, in 64 KB chunks, and counts them: a body
 * of `total` bytes never exists in memory, and `pulled` shows how much was actually read.
 */
function streamedBody(total: number, byte = 0x20) {
  const chunk = new Uint8Array(64 * KB).fill(byte);
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = Math.min(chunk.byteLength, total - counter.pulled);
        if (size <= 0) return controller.close();
        counter.pulled += size;
        controller.enqueue(chunk.slice(0, size));
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://selah.test/api/x", {
    method: "POST",
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readBody", () => {
  it("refuses a declared Content-Length over the limit with 413 before reading a byte", async () => {
    const { stream, counter } = streamedBody(60 * KB * KB);
    const error = await refusal(
      readBody(post(stream, { "content-length": String(60 * KB * KB) }), { maxBytes: 4 * KB }),
    );
    expect(error.code).toBe("payload_too_large");
    expect(error.status).toBe(413);
    expect(counter.pulled).toBe(0);
    const response = toErrorResponse(error);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "payload_too_large",
        message: "The request body is larger than this endpoint accepts (4 KB); send less.",
        maxBytes: 4096,
      },
    });
  });

  it("refuses a streamed body without Content-Length as soon as it crosses the limit", async () => {
    const { stream, counter } = streamedBody(60 * KB * KB);
    const error = await refusal(readBody(post(stream), { maxBytes: 100 * KB }));
    expect(error.code).toBe("payload_too_large");
    // Two 64 KB chunks cross 100 KB; the other 59.9 MB are never made.
    expect(counter.pulled).toBeLessThanOrEqual(192 * KB);
    expect(counter.cancelled).toBe(true);
  });

  it("refuses a body longer than its (understated) Content-Length claims", async () => {
    const { stream } = streamedBody(300 * KB);
    const error = await refusal(
      readBody(post(stream, { "content-length": "10" }), { maxBytes: 100 * KB }),
    );
    expect(error.status).toBe(413);
  });

  it("reads a body up to the limit exactly, streamed or not, and an empty one", async () => {
    const { stream } = streamedBody(100 * KB, 0x61);
    const data = await readBody(post(stream), { maxBytes: 100 * KB });
    expect(data.byteLength).toBe(100 * KB);
    expect(data.every((byte) => byte === 0x61)).toBe(true);
    expect(await readBody(post("héllo"), { maxBytes: 6 })).toEqual(
      new TextEncoder().encode("héllo"),
    );
    expect((await readBody(post(null), { maxBytes: 1 })).byteLength).toBe(0);
  });
});

describe("readJsonBody", () => {
  it("parses JSON under the limit, from a stream too", async () => {
    expect(
      await readJsonBody(post(JSON.stringify({ question: "What is grace?" })), {
        maxBytes: 4 * KB,
      }),
    ).toEqual({ question: "What is grace?" });
    const text = new TextEncoder().encode('{"all":true}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(text.slice(0, 5));
        controller.enqueue(text.slice(5));
        controller.close();
      },
    });
    expect(await readJsonBody(post(stream), { maxBytes: 4 * KB })).toEqual({ all: true });
  });

  it("answers what is not JSON with 400 invalid_json, naming the shape expected", async () => {
    const error = await refusal(
      readJsonBody(post("question=grace"), { maxBytes: 4 * KB, shape: "{ question, church? }" }),
    );
    expect(error.code).toBe("invalid_json");
    expect(error.status).toBe(400);
    expect(error.message).toBe("The request body must be JSON: { question, church? }.");
    expect((await refusal(readJsonBody(post(null), { maxBytes: 4 * KB }))).message).toBe(
      "The request body must be JSON.",
    );
  });

  it("refuses an over-long JSON body with 413 before parsing it", async () => {
    const huge = JSON.stringify({ question: "x".repeat(10 * KB) });
    expect((await refusal(readJsonBody(post(huge), { maxBytes: 4 * KB }))).code).toBe(
      "payload_too_large",
    );
  });
});
