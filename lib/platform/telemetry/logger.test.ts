import { context, trace, TraceFlags } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { runInRequest } from "./request-context";

function capture(env: Record<string, string> = {}, isTty = false) {
  const lines: string[] = [];
  const log = createLogger("test", {
    env: { LOG_FORMAT: "json", ...env },
    isTty,
    destination: { write: (line) => void lines.push(line) },
  });
  return { log, lines, entries: () => lines.map((line) => JSON.parse(line)) };
}

const manager = new AsyncLocalStorageContextManager();
beforeAll(() => void context.setGlobalContextManager(manager.enable()));
afterAll(() => {
  context.disable();
});

describe("createLogger", () => {
  it("writes one JSON object a line with level, time, process and msg", () => {
    const { log, entries } = capture();
    log.warn({ sermonId: "s1" }, "transcode slow");
    const [entry] = entries();
    expect(entry).toMatchObject({ level: "warn", process: "test", msg: "transcode slow" });
    expect(entry.sermonId).toBe("s1");
    expect(new Date(entry.time).toString()).not.toBe("Invalid Date");
  });

  it("never writes credentials, cookies or keys", () => {
    const { log, lines } = capture();
    log.info(
      {
        headers: { authorization: "Bearer sekrit-1", cookie: "session=sekrit-2" },
        request: { headers: { authorization: "Bearer sekrit-3", "set-cookie": "a=sekrit-4" } },
        apiKey: "sekrit-5",
        config: { signingKey: "signkey-sekrit-6", password: "sekrit-7" },
      },
      "calling out",
    );
    expect(lines.join("")).not.toMatch(/sekrit/);
    expect(lines.join("")).toContain("[redacted]");
  });

  it("adds the request id inside a request, and none outside", () => {
    const { log, entries } = capture();
    const request = new Request("http://selah.test/", { headers: { "x-request-id": "req-42" } });
    runInRequest(request, () => log.info("inside"));
    log.info("outside");
    expect(entries()[0].requestId).toBe("req-42");
    expect(entries()[1]).not.toHaveProperty("requestId");
  });

  it("makes up a request id when the caller's is not one", () => {
    const { log, entries } = capture();
    const request = new Request("http://selah.test/", {
      headers: { "x-request-id": "a b <script>" },
    });
    runInRequest(request, () => log.info("inside"));
    expect(entries()[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("adds the trace and span ids of the current span", () => {
    const { log, entries } = capture();
    const spanContext = {
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      traceFlags: TraceFlags.SAMPLED,
    };
    context.with(trace.setSpanContext(context.active(), spanContext), () => log.info("in a span"));
    expect(entries()[0]).toMatchObject({
      traceId: spanContext.traceId,
      spanId: spanContext.spanId,
    });
  });

  it("writes short lines for a person when pretty, the default on a terminal", () => {
    const lines: string[] = [];
    const log = createLogger("test", {
      env: {},
      isTty: true,
      destination: { write: (line) => void lines.push(line) },
    });
    log.error({ sermonId: "s1", token: "sekrit" }, "stage failed");
    expect(lines).toEqual(["error: stage failed  sermonId=s1 token=[redacted]\n"]);
  });
});
