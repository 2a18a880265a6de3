import { createHmac } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import { startEngine } from "../src/engine";
import { hashSigningKey } from "../src/signing";
import {
  cleanupAll,
  engineFetch,
  getJson,
  serveApp,
  startTestEngine,
  syncApp,
  tempDataDir,
  TEST_EVENT_KEY,
  TEST_SIGNING_KEY,
  waitFor,
  waitForEndedRuns,
  type TestApp,
} from "./harness";

// Signed mode, whatever ENGINE_TEST_SIGNED says for the rest of the suite: every engine here is
// given its keys explicitly. Signatures are checked with an HMAC written here from the protocol,
// not with the engine's own code.

const OTHER_KEY = `signkey-test-${"0badc0de".repeat(8)}`;
const NEW_KEY = `signkey-test-${"feed".repeat(16)}`;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const keys = { signingKey: TEST_SIGNING_KEY, eventKeys: [TEST_EVENT_KEY] };

afterEach(cleanupAll);

function hmac(key: string, text: string, t: string): string {
  return createHmac("sha256", key.replace(/^signkey-\w+-/, ""))
    .update(text + t)
    .digest("hex");
}

function sign(text: string, key: string): string {
  const t = String(Math.floor(Date.now() / 1000));
  return `t=${t}&s=${hmac(key, text, t)}`;
}

function validSignature(header: string | undefined, text: string, key: string): boolean {
  const params = new URLSearchParams(header ?? "");
  const t = params.get("t") ?? "";
  return (
    /^\d+$/.test(t) &&
    Math.abs(Date.now() / 1000 - Number(t)) < 300 &&
    params.get("s") === hmac(key, text, t)
  );
}

function cloudClient(
  engineUrl: string,
  id: string,
  signingKey: string,
  extra: { signingKeyFallback?: string; eventKey?: string } = {},
): Inngest {
  return new Inngest({
    id,
    isDev: false,
    baseUrl: engineUrl,
    signingKey,
    eventKey: TEST_EVENT_KEY,
    logger: quiet,
    ...extra,
  });
}

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function signedSetup(
  functions: (client: Inngest) => Parameters<typeof serveApp>[1],
  id = "signed",
) {
  const engine = await startTestEngine(keys);
  const client = cloudClient(engine.url, id, TEST_SIGNING_KEY);
  const app = await serveApp(client, functions(client));
  apps.push(app);
  const sync = await syncApp(app.url);
  expect(sync.status).toBe(200);
  return { engine, client, app };
}

describe("signed mode: the engine signs, the SDK verifies", () => {
  it("signs every call over the exact body it sends, and the SDK runs it", async () => {
    const data = {
      é: "ü 😀 \u2028",
      b: [1, { z: null, a: 1.5e-7 }],
      A: "x",
      nested: { y: 2, x: [true, false] },
    };
    const { engine, client, app } = await signedSetup((c) => [
      c.createFunction(
        { id: "echo", triggers: [{ event: "demo/echo" }] },
        async ({ event, step }) => {
          const first = await step.run("first", () => event.data);
          return step.run("second", () => first);
        },
      ),
    ]);
    await client.send({ name: "demo/echo", data });
    const [run] = await waitForEndedRuns(engine.url, "signed-echo");
    expect(run?.status).toBe("Completed");
    expect(run?.output).toEqual(data);
    expect(app.calls.length).toBeGreaterThan(0);
    for (const call of app.calls) {
      expect(validSignature(call.signature, call.rawBody, TEST_SIGNING_KEY)).toBe(true);
      expect(call.status).not.toBe(401);
    }
    await engine.stop();
  });

  it("sends the SDK's hashed key as the bearer token the engine checks", async () => {
    let authorization: string | undefined;
    const recorder = createServer((req, res) => {
      authorization = req.headers.authorization;
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: true, modified: true }));
    });
    const port = await listen(recorder);
    const client = cloudClient(`http://127.0.0.1:${port}`, "hash", TEST_SIGNING_KEY);
    const app = await serveApp(client, [
      client.createFunction({ id: "f", triggers: [{ event: "demo/f" }] }, async () => 1),
    ]);
    apps.push(app);
    await syncApp(app.url);
    expect(authorization).toBe(`Bearer ${hashSigningKey(TEST_SIGNING_KEY)}`);
    expect(hashSigningKey(TEST_SIGNING_KEY)).toMatch(/^signkey-test-[0-9a-f]{64}$/);
    await close(recorder);
  });

  it("an app with another signing key refuses the engine's calls: the run fails and no step runs", async () => {
    let bodies = 0;
    const build = (c: Inngest) => [
      c.createFunction(
        { id: "guarded", retries: 1, triggers: [{ event: "demo/guarded" }] },
        async ({ step }) => step.run("body", () => ++bodies),
      ),
    ];
    const { engine, app } = await signedSetup(build, "guarded");
    const port = Number(new URL(app.url).port);
    await app.close();
    const wrongKeyClient = cloudClient(engine.url, "guarded", OTHER_KEY);
    apps.push(await serveApp(wrongKeyClient, build(wrongKeyClient), port));
    const sent = await fetch(`${engine.url}/e/${TEST_EVENT_KEY}`, {
      method: "POST",
      body: JSON.stringify({ name: "demo/guarded", data: {} }),
    });
    expect(sent.status).toBe(200);
    const [run] = await waitForEndedRuns(engine.url, "guarded-guarded");
    expect(run?.status).toBe("Failed");
    expect(run?.error?.message).toMatch(/refused the engine's signature \(HTTP 401\)/);
    expect(bodies).toBe(0);
    await engine.stop();
  });

  it("believes no answer without the app's signature", async () => {
    const { engine, app } = await signedSetup(
      (c) => [
        c.createFunction(
          { id: "target", retries: 0, triggers: [{ event: "demo/target" }] },
          async () => "real",
        ),
      ],
      "forge",
    );
    const port = Number(new URL(app.url).port);
    await app.close();
    // An impostor on the app's address answering "done" like the SDK, signed with a given key.
    let answerKey = OTHER_KEY;
    const impostor = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const body = JSON.stringify("forged");
        res.writeHead(200, {
          "content-type": "application/json",
          "x-inngest-sdk": "inngest-js:v4.24.0",
          "x-inngest-signature": sign(body, answerKey),
        });
        res.end(body);
      });
    });
    await listen(impostor, port);
    const send = () =>
      fetch(`${engine.url}/e/${TEST_EVENT_KEY}`, {
        method: "POST",
        body: JSON.stringify({ name: "demo/target", data: {} }),
      });
    await send();
    const [forged] = await waitForEndedRuns(engine.url, "forge-target");
    expect(forged?.status).toBe("Failed");
    expect(forged?.error?.message).toMatch(/does not match the signing key/);
    // The same answer signed with the real key is believed: the signature is what decides.
    answerKey = TEST_SIGNING_KEY;
    await send();
    const runs = await waitForEndedRuns(engine.url, "forge-target", 2);
    expect(runs.map((run) => [run.status, run.output]).sort()).toEqual([
      ["Completed", "forged"],
      ["Failed", null],
    ]);
    await close(impostor);
    await engine.stop();
  });

  it("rotates keys: the engine's fallback accepts the app's old key, the app's fallback the engine's new one", async () => {
    const engine = await startTestEngine({
      signingKey: NEW_KEY,
      signingKeyFallback: TEST_SIGNING_KEY,
      eventKeys: [TEST_EVENT_KEY],
    });
    const client = cloudClient(engine.url, "rotating", TEST_SIGNING_KEY, {
      signingKeyFallback: NEW_KEY,
    });
    const app = await serveApp(client, [
      client.createFunction({ id: "f", triggers: [{ event: "demo/rotate" }] }, async ({ step }) =>
        step.run("s", () => "ok"),
      ),
    ]);
    apps.push(app);
    expect((await syncApp(app.url)).status).toBe(200);
    await client.send({ name: "demo/rotate", data: {} });
    const [run] = await waitForEndedRuns(engine.url, "rotating-f", 1);
    expect(run?.status).toBe("Completed");
    expect(app.calls.every((call) => validSignature(call.signature, call.rawBody, NEW_KEY))).toBe(
      true,
    );
    await engine.stop();
  });

  it("a signed engine does not sync a dev-mode app, which would not verify its calls", async () => {
    const engine = await startTestEngine(keys);
    const devClient = new Inngest({ id: "open", isDev: true, baseUrl: engine.url, logger: quiet });
    const app = await serveApp(devClient, [
      devClient.createFunction({ id: "f", triggers: [{ event: "demo/open" }] }, async () => 1),
    ]);
    apps.push(app);
    const inBand = await engineFetch(`${engine.url}/v1/sync`, {
      method: "POST",
      body: JSON.stringify({ url: app.url }),
    });
    const result = (await inBand.json()) as { data: { ok: boolean; message: string }[] };
    expect(result.data[0]).toMatchObject({ ok: false });
    expect(result.data[0]?.message).toMatch(/no X-Inngest-Signature/);
    // Out-of-band, its register call carries no key: refused.
    expect((await syncApp(app.url)).status).toBe(401);
    expect(
      await getJson<{ data: unknown[] }>(`${engine.url}/v1/apps`).then((apps) => apps.data),
    ).toEqual([]);
    await engine.stop();
  });
});

describe("signed mode: who may talk to the engine", () => {
  it("takes events only with an event key: a wrong or missing one gets 401 and stores nothing", async () => {
    const engine = await startTestEngine(keys);
    const post = (key: string) =>
      fetch(`${engine.url}/e/${key}`, {
        method: "POST",
        body: JSON.stringify({ name: "demo/e", data: {} }),
      });
    for (const key of ["wrong-key", "NO_EVENT_KEY_SET", encodeURIComponent(TEST_SIGNING_KEY)]) {
      const refused = await post(key);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ ids: [], status: 401, error: "Event key not found" });
    }
    expect((await getJson<{ data: unknown[] }>(`${engine.url}/v1/events`)).data).toEqual([]);
    // The worker's way: the SDK with the event key.
    const worker = new Inngest({
      id: "worker",
      isDev: false,
      baseUrl: engine.url,
      eventKey: TEST_EVENT_KEY,
      logger: quiet,
    });
    const { ids } = await worker.send({ name: "demo/e", data: { from: "worker" } });
    expect(ids).toHaveLength(1);
    const stranger = new Inngest({
      id: "stranger",
      isDev: false,
      baseUrl: engine.url,
      eventKey: "guessed",
      logger: quiet,
    });
    await expect(stranger.send({ name: "demo/e", data: {} })).rejects.toThrow(/401/);
    const stored = await getJson<{ data: { data: unknown }[] }>(`${engine.url}/v1/events`);
    expect(stored.data.map((event) => event.data)).toEqual([{ from: "worker" }]);
    await engine.stop();
  });

  it("answers its API and SDK routes only with the signing key (or its hash) as bearer token", async () => {
    const engine = await startTestEngine(keys);
    const routes: [string, string][] = [
      ["GET", "/v1/runs"],
      ["GET", "/v1/events"],
      ["GET", "/v1/apps"],
      ["GET", "/dev"],
      ["GET", "/v1/engine/stats"],
      ["POST", "/v1/sync"],
      ["POST", "/v1/cancellations"],
      ["POST", "/fn/register"],
      ["DELETE", "/fn/remove?url=x"],
      ["POST", "/invoke/some-fn"],
      ["POST", "/v1/checkpoint/01RUN/async"],
      ["GET", "/v0/runs/01RUN/batch"],
      ["DELETE", "/v1/runs/01RUN"],
    ];
    const call = (method: string, path: string, token?: string) =>
      fetch(`${engine.url}${path}`, {
        method,
        ...(method === "GET" || method === "DELETE" ? {} : { body: "{}" }),
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    for (const [method, path] of routes) {
      for (const token of [undefined, TEST_EVENT_KEY, OTHER_KEY, hashSigningKey(OTHER_KEY)]) {
        expect([method, path, token, (await call(method, path, token)).status]).toEqual([
          method,
          path,
          token,
          401,
        ]);
      }
      for (const token of [TEST_SIGNING_KEY, hashSigningKey(TEST_SIGNING_KEY)]) {
        expect((await call(method, path, token)).status).not.toBe(401);
      }
    }
    // Open: liveness, and the UI's static page (which asks for the key before reading the API).
    expect((await fetch(`${engine.url}/health`)).status).toBe(200);
    const page = await fetch(`${engine.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('KEY_PREFIX = "signkey-test-"');
    await engine.stop();
  });

  it("without keys it is the Dev Server's open dev mode", async () => {
    const dataDir = tempDataDir();
    const engine = await startEngine({
      port: 0,
      dataDir,
      syncIntervalMs: 0,
      logLevel: "error",
      backoffScale: 0.0001,
    });
    const client = new Inngest({ id: "dev", isDev: true, baseUrl: engine.url, logger: quiet });
    const app = await serveApp(client, [
      client.createFunction({ id: "f", triggers: [{ event: "demo/dev" }] }, async ({ step }) =>
        step.run("s", () => "open"),
      ),
    ]);
    apps.push(app);
    expect((await syncApp(app.url)).status).toBe(200);
    expect(
      (
        await fetch(`${engine.url}/e/anything`, {
          method: "POST",
          body: JSON.stringify({ name: "demo/dev", data: {} }),
        })
      ).status,
    ).toBe(200);
    const runs = await waitFor(async () => {
      const list = (await (await fetch(`${engine.url}/v1/runs?function_id=dev-f`)).json()) as {
        data: { status: string; output: unknown }[];
      };
      return list.data[0]?.status === "Completed" ? list.data : undefined;
    });
    expect(runs[0]?.output).toBe("open");
    expect(app.calls.every((c) => c.signature === undefined)).toBe(true);
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
