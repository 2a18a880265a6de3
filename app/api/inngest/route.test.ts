import { createHmac } from "node:crypto";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testInngestKeys } from "@/test/support/inngest-keys";

// The workflow endpoint in signed mode, as every setup runs it (npm start's engine, Inngest
// Cloud, self-hosted Inngest): a call must carry X-Inngest-Signature made with the signing key.
// The signing here is written from the protocol (HMAC-SHA256 over the canonical JSON body and
// the Unix seconds, keyed with the key minus its signkey-<env>- prefix), not taken from engine/.

const { signingKey } = testInngestKeys;
const OTHER_KEY = `signkey-test-${"0badc0de".repeat(8)}`;
const APP = "http://selah.test/api/inngest";

function sign(body: string, key: string, at = Date.now()): string {
  const t = Math.floor(at / 1000);
  const s = createHmac("sha256", key.replace(/^signkey-\w+-/, ""))
    .update(`${body}${t}`)
    .digest("hex");
  return `t=${t}&s=${s}`;
}

function responseSignatureValid(header: string | null, body: string, key: string): boolean {
  const params = new URLSearchParams(header ?? "");
  const t = params.get("t") ?? "";
  const expected = createHmac("sha256", key.replace(/^signkey-\w+-/, ""))
    .update(`${body}${t}`)
    .digest("hex");
  return t !== "" && params.get("s") === expected;
}

/** A call body as the executor sends it, keys in canonical (sorted) order at every level. */
function callBody(eventName: string, data: Record<string, unknown>): string {
  const event = { data, id: "01KSIGNEDTEST000000000000A", name: eventName, ts: 1_790_000_000_000 };
  return JSON.stringify({
    ctx: {
      attempt: 0,
      disable_immediate_execution: false,
      max_attempts: 1,
      run_id: "01KSIGNEDRUN00000000000000",
      stack: { current: 0, stack: [] },
      use_api: false,
    },
    event,
    events: [event],
    steps: {},
    use_api: false,
    version: -1,
  });
}

const post = (url: string, body: string, signature?: string) =>
  new NextRequest(url, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      ...(signature ? { "x-inngest-signature": signature } : {}),
    },
  });

const saved: Record<string, string | undefined> = {};
const appEnv: Record<string, string | undefined> = {
  INNGEST_DEV: undefined,
  // Nothing listens there: these tests never reach an Inngest server.
  INNGEST_BASE_URL: "http://127.0.0.1:9",
  INNGEST_SIGNING_KEY: signingKey,
  INNGEST_EVENT_KEY: testInngestKeys.eventKey,
  INNGEST_ENABLE_UNAUTHED_SYNC: "false",
};

beforeAll(() => {
  for (const [name, value] of Object.entries(appEnv)) {
    saved[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the SDK's serve handler in signed mode", () => {
  // Configured from the environment only, as inngest/client.ts is.
  const client = new Inngest({
    id: "signed-probe",
    logger: { info() {}, warn() {}, error() {}, debug() {} },
  });
  let stepRuns = 0;
  const fn = client.createFunction(
    { id: "count", retries: 0, triggers: [{ event: "demo/count" }] },
    async ({ step }) => step.run("count", () => ++stepRuns),
  );
  const handler = serve({ client, functions: [fn] });
  const url = `${APP}?fnId=signed-probe-count&stepId=step`;
  const body = callBody("demo/count", { n: 1 });

  it("answers an unsigned or forged call with 401 and runs nothing", async () => {
    const forgeries = [
      post(url, body),
      post(url, body, sign(body, OTHER_KEY)),
      post(url, body, "t=1&s=deadbeef"),
      post(url, body, sign(body, signingKey, Date.now() - 6 * 60_000)),
      post(url, body.replace('"n":1', '"n":2'), sign(body, signingKey)),
    ];
    for (const request of forgeries) {
      const response = await handler.POST(request, undefined);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized" });
      expect(response.headers.get("x-inngest-signature")).toBeNull();
    }
    expect(stepRuns).toBe(0);
  });

  it("runs a call signed with the key and signs its answer", async () => {
    const response = await handler.POST(post(url, body, sign(body, signingKey)), undefined);
    expect([200, 206]).toContain(response.status);
    const text = await response.text();
    expect(
      responseSignatureValid(response.headers.get("x-inngest-signature"), text, signingKey),
    ).toBe(true);
    expect(stepRuns).toBe(1);
  });
});

describe("/api/inngest", () => {
  let route: typeof import("./route");
  beforeAll(async () => {
    route = await import("./route");
  });

  const processSermon = `${APP}?fnId=selah-process-sermon&stepId=step`;
  const body = callBody("sermon/uploaded", {
    churchId: "c1",
    mediaVersion: 1,
    objectKey: "k",
    sermonId: "s1",
  });

  it("refuses an unsigned or wrongly signed step call with 401", async () => {
    for (const signature of [
      undefined,
      sign(body, OTHER_KEY),
      sign(body, signingKey, Date.now() + 10 * 60_000),
    ]) {
      const response = await route.POST(post(processSermon, body, signature), undefined);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized" });
    }
  });

  it("refuses unsigned introspection and unsigned syncs", async () => {
    expect((await route.GET(new NextRequest(APP), undefined)).status).toBe(401);
    const put = (headers: Record<string, string>) =>
      route.PUT(
        new NextRequest(APP, { method: "PUT", body: JSON.stringify({ url: APP }), headers }),
        undefined,
      );
    expect((await put({ "x-inngest-sync-kind": "in_band" })).status).toBe(401);
    // Out-of-band too (INNGEST_ENABLE_UNAUTHED_SYNC=false, as npm start sets it).
    expect((await put({})).status).toBe(401);
  });

  it("accepts the signing key: a signed trust probe answers 200", async () => {
    const probe = `${APP}?probe=trust`;
    expect((await route.POST(post(probe, "{}", sign("{}", signingKey)), undefined)).status).toBe(
      200,
    );
    expect((await route.POST(post(probe, "{}", sign("{}", OTHER_KEY)), undefined)).status).toBe(
      401,
    );
  });
});
