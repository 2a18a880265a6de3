import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { describe, expect, it } from "vitest";
import { startEngine } from "@/engine/src/engine";
import { cancelWorkflowRun, listWorkflowRuns } from "@/lib/pipeline/operations/workflow-runs";
import { testInngestKeys } from "@/test/support/inngest-keys";
import {
  detectWorkflowEngine,
  inngestDashboardUrl,
} from "@/lib/pipeline/operations/workflow-engine";

describe("detectWorkflowEngine", () => {
  it("recognises engine/ (signed, as npm start runs it) by its stats route, with the key's hash", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "selah-detect-"));
    const engine = await startEngine({
      port: 0,
      dataDir,
      logLevel: "silent",
      signingKey: testInngestKeys.signingKey,
      eventKeys: [testInngestKeys.eventKey],
    });
    try {
      const env = { INNGEST_BASE_URL: engine.url, INNGEST_SIGNING_KEY: testInngestKeys.signingKey };
      expect((await detectWorkflowEngine(env)).kind).toBe("embedded");
    } finally {
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("takes a server without that route for Inngest, with a link to its dashboard", async () => {
    const server = createServer((_, res) => res.writeHead(404).end("not found"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await detectWorkflowEngine({ INNGEST_BASE_URL: url })).toEqual({
        kind: "inngest",
        dashboardUrl: `${url}/`,
      });
    } finally {
      server.close();
    }
    expect(inngestDashboardUrl({ INNGEST_SIGNING_KEY: testInngestKeys.signingKey })).toBe(
      "https://app.inngest.com/",
    );
    expect(await detectWorkflowEngine({ INNGEST_BASE_URL: "http://127.0.0.1:9" })).toMatchObject({
      kind: "unreachable",
      apiUrl: "http://127.0.0.1:9",
    });
  });
});

describe("the jobs view against engine/", () => {
  it("lists a sleeping run as Running with its steps, cancels it, and refuses a second cancel", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "selah-runs-"));
    const engine = await startEngine({ port: 0, dataDir, logLevel: "silent", syncIntervalMs: 0 });
    const client = new Inngest({ id: "selah-ops-test", isDev: true, baseUrl: engine.url });
    const napping = client.createFunction(
      { id: "napping", name: "Take a long nap", retries: 0, triggers: [{ event: "test/nap" }] },
      async ({ step }) => {
        await step.run("Get ready", () => "ready");
        await step.sleep("Nap", "1h");
      },
    );
    const handler = serve({ client, functions: [napping] });
    const server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
      expect(
        (
          await fetch(`${engine.url}/v1/sync`, {
            method: "POST",
            body: JSON.stringify({ url: appUrl }),
          })
        ).status,
      ).toBe(200);
      await fetch(`${engine.url}/e/any`, {
        method: "POST",
        body: JSON.stringify({ name: "test/nap", data: {} }),
      });
      const env = { INNGEST_DEV: engine.url };
      const found = await detectWorkflowEngine(env);
      if (found.kind !== "embedded") throw new Error(`expected engine/, got ${found.kind}`);
      let run;
      for (let i = 0; i < 100 && !run?.steps.some((step) => step.name === "Nap"); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        run = (await listWorkflowRuns(found.client, { status: "Running" })).runs[0];
      }
      expect(run).toMatchObject({
        functionName: "Take a long nap",
        status: "Running",
        isActive: true,
        sermon: null,
      });
      expect(run!.steps.map((step) => step.name)).toEqual(["Get ready", "Nap"]);
      await cancelWorkflowRun(found.client, run!.id);
      const [cancelled] = (await listWorkflowRuns(found.client, { status: "Cancelled" })).runs;
      expect(cancelled).toMatchObject({ id: run!.id, isActive: false });
      await expect(cancelWorkflowRun(found.client, run!.id)).rejects.toMatchObject({
        code: "conflict",
        message: "This run has already ended.",
      });
      await expect(cancelWorkflowRun(found.client, "01NOSUCHRUN")).rejects.toMatchObject({
        code: "not_found",
      });
    } finally {
      server.closeAllConnections();
      server.close();
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
