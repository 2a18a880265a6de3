import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sermonUploaded, type EventEnvelope } from "@/lib/pipeline/events/pipeline-events";
import {
  createEventForwarder,
  RejectedEventsError,
  TransientForwardError,
} from "./event-forwarder";

// A stand-in for the event API: answers the way the next request is told to.
let answer: { status: number; delayMs?: number } = { status: 200 };
const requests: {
  path: string;
  body: { id: string; name: string; data: unknown; ts: number }[];
}[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(
      Buffer.concat(chunks).toString("utf8"),
    ) as (typeof requests)[number]["body"];
    requests.push({ path: req.url ?? "", body });
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    const ok = answer.status === 200;
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(
      JSON.stringify(
        ok ? { ids: body.map((e) => e.id), status: 200 } : { error: "no", status: answer.status },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const event: EventEnvelope = {
  ...sermonUploaded.build({ sermonId: "s1", churchId: "c1", mediaVersion: 1, objectKey: "k" }),
  name: "sermon/uploaded",
  ts: 1_790_000_000_000,
};

describe("createEventForwarder", () => {
  it("posts the events to /e/<key> as the SDK does, with the envelope's id as the event id", async () => {
    answer = { status: 200 };
    await createEventForwarder({ isDev: true, baseUrl }, 2000)([event]);
    expect(requests.at(-1)).toEqual({
      path: "/e/NO_EVENT_KEY_SET",
      body: [{ id: event.id, name: event.name, data: event.data, ts: event.ts }],
    });
  });

  it("uses the event key in cloud mode", async () => {
    answer = { status: 200 };
    await createEventForwarder({ isDev: false, baseUrl, eventKey: "key-123" }, 2000)([event]);
    expect(requests.at(-1)?.path).toBe("/e/key-123");
  });

  it("reports a 4xx as a rejection of the events themselves", async () => {
    answer = { status: 400 };
    await expect(
      createEventForwarder({ isDev: true, baseUrl }, 10_000)([event]),
    ).rejects.toBeInstanceOf(RejectedEventsError);
  });

  it("reports a refused event key (401/403) as transient, never as bad events", async () => {
    for (const status of [401, 403]) {
      answer = { status };
      const forwarding = createEventForwarder(
        { isDev: false, baseUrl, eventKey: "wrong" },
        10_000,
      )([event]);
      await expect(forwarding).rejects.toBeInstanceOf(TransientForwardError);
      await expect(forwarding).rejects.toThrow(/INNGEST_EVENT_KEY/);
    }
  });

  it("reports a 5xx as transient", async () => {
    answer = { status: 503 };
    await expect(
      createEventForwarder({ isDev: true, baseUrl }, 10_000)([event]),
    ).rejects.toBeInstanceOf(TransientForwardError);
  });

  it("gives up at the deadline, SDK retries included", async () => {
    answer = { status: 200, delayMs: 3000 };
    const started = Date.now();
    await expect(createEventForwarder({ isDev: true, baseUrl }, 500)([event])).rejects.toThrow(
      /no acknowledgement within 500 ms/,
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("reports an unreachable API as transient", async () => {
    await expect(
      createEventForwarder({ isDev: true, baseUrl: "http://127.0.0.1:1" }, 10_000)([event]),
    ).rejects.toBeInstanceOf(TransientForwardError);
  });
});
